/**
 * How one environment variable is read. A field is a zod schema over the raw text (or
 * nothing); its parser sees the trimmed text and throws `InvalidValue` with a message that
 * says what is allowed. Blank counts as unset, so `PORT=` in a copied `.env.example` means
 * the default.
 */
import { z } from 'zod';
import { InvalidValue } from './errors.ts';

export type Parse<T> = (value: string) => T;

/** Unset or blank → undefined; otherwise `parse(trimmed)`. */
export function optional<T>(parse: Parse<T>) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T | undefined => {
      const value = raw?.trim();
      if (!value) return undefined;
      try {
        return parse(value);
      } catch (error) {
        if (!(error instanceof InvalidValue)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    });
}

/** Like `optional`, with a default for unset or blank. */
export function withDefault<T>(parse: Parse<T>, fallback: T) {
  return optional(parse).transform((value) => (value === undefined ? fallback : value));
}

export const text: Parse<string> = (value) => value;

/**
 * A whole number in `[min, max]`. Every numeric setting has both ends: a timer over 2³¹−1 ms
 * fires at once in Node, and `PORT=99999` would otherwise crash later without naming PORT.
 */
export function wholeNumber(min: number, max: number, unit = ''): Parse<number> {
  return (value) => {
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!(n >= min && n <= max)) throw new InvalidValue(`must be a whole number from ${min} to ${max}${unit && ` ${unit}`}, got "${value}"`);
    return n;
  };
}

/** One of `choices`, any case; returned in lower case. */
export function oneOf<const C extends string>(choices: readonly C[]): Parse<C> {
  return (value) => {
    const choice = value.toLowerCase();
    if (!(choices as readonly string[]).includes(choice)) throw new InvalidValue(`must be one of ${choices.join(', ')}, got "${value}"`);
    return choice as C;
  };
}

export const httpUrl: Parse<string> = (value) => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // reported below
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') throw new InvalidValue(`must be an http(s) URL, got "${value}"`);
  return value;
};

/** `a, b ,c` → items (blanks dropped), each read by `item`. */
export function commaList<T>(item: Parse<T>): Parse<T[]> {
  return (value) =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(item);
}
