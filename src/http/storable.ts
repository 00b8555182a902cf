/**
 * Text PostgreSQL cannot store, made storable on the way in: `\u0000` (refused in text and
 * jsonb) and lone UTF-16 surrogates (refused in jsonb) become U+FFFD in every string of a
 * request, keys included. Otherwise one such character in one event fails the INSERT of the
 * whole batch, and every redelivery fails the same way.
 */

/** NUL, a high surrogate not followed by a low one, a low surrogate not after a high one (code units: no `u` flag). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(text: string): string {
  return text.replace(UNSTORABLE, '\uFFFD');
}

/** A copy of a parsed JSON value (or form) with every string made storable. */
export function storable<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, storableText(key), { value: storable(item), enumerable: true, writable: true, configurable: true });
    }
    return out as T;
  }
  return value;
}
