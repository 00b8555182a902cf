/**
 * Secret-free excerpts of provider replies for error objects and logs. A reply should never
 * echo our credentials, but a misbehaving PHP page (a debug dump, an echoed $_POST) might, so
 * every excerpt goes through here before it is stored anywhere.
 */

export const SNIPPET_MAX = 200;

/** Replaces every occurrence of each secret (raw and form-encoded) with `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === '') continue;
    const forms = new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
    ]);
    // Longest first, so an encoded form is not half-replaced by a shorter raw one.
    for (const form of [...forms].sort((a, b) => b.length - a.length)) {
      out = out.split(form).join('***');
    }
  }
  return out;
}

/** Redact first, then cut: a secret can never survive by straddling the cut. */
export function makeSnippet(text: string, secrets: readonly string[]): string {
  const clean = redact(text, secrets).replace(/\s+/g, ' ').trim();
  return clean.length > SNIPPET_MAX ? clean.slice(0, SNIPPET_MAX - 1) + '…' : clean;
}
