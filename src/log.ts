/**
 * The one logger. Secrets are scrubbed from every written line, whatever field or message
 * they hide in: redaction by path alone misses a token pasted into an error message.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(options: { level: string; secrets?: string[]; destination?: pino.DestinationStream }): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const scrub = (line: string) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), line);
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: ['password', '*.password', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
      ...(secrets.length ? { hooks: { streamWrite: scrub } } : {}),
    },
    options.destination,
  );
}
