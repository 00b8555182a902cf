/**
 * The one logger. Secrets are scrubbed from every written line, whatever field or message
 * they hide in: redaction by path alone misses a token pasted into an error message.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

const REDACTED = '[redacted]';

/**
 * Below this length a secret is scrubbed only where it stands alone, as a word inside a string
 * value of the JSON line (`/topup/callback/xq`, `password=xq`, `"xq"`), never inside another
 * word, a key or a number. Replaced everywhere, a two-letter secret would turn every line into
 * mush, and a four-digit one would cut into the `time` numbers and break the JSON. Production
 * refuses short callback secrets and register codes, but passwords and tokens have no minimum,
 * and development runs may use anything.
 */
const SHORT_SECRET = 8;

export function createLogger(options: { level: string; secrets?: string[]; destination?: pino.DestinationStream }): Logger {
  const scrub = scrubber(options.secrets ?? []);
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: ['password', '*.password', 'headers.authorization', '*.headers.authorization'], censor: REDACTED },
      ...(scrub ? { hooks: { streamWrite: scrub } } : {}),
    },
    options.destination,
  );
}

/** A function that removes `secrets` from one JSON log line; undefined when there are none. */
function scrubber(secrets: string[]): ((line: string) => string) | undefined {
  const unique = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return undefined;
  // A long secret is replaced wherever it occurs, as written and as JSON escapes it.
  const long = [...new Set(unique.filter((s) => s.length >= SHORT_SECRET).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))];
  const short = unique.filter((s) => s.length < SHORT_SECRET);
  const word = short.length
    ? new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${short.map(escapeRegExp).join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'gu')
    : undefined;
  return (line) => {
    let out = line;
    for (const secret of long) out = out.split(secret).join(REDACTED);
    if (!word) return out;
    // Each JSON string that is not a key: decoded, scrubbed by whole word, encoded again if
    // changed. Keys are matched too (and kept), so the scan never starts inside a string.
    return out.replace(/"(?:[^"\\]|\\.)*"(:?)/g, (literal, colon: string) => {
      if (colon) return literal;
      const value = JSON.parse(literal) as string;
      const scrubbed = value.replace(word, REDACTED);
      return scrubbed === value ? literal : JSON.stringify(scrubbed);
    });
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
