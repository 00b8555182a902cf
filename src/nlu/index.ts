/**
 * Thai NLU for the top-up bot: text → intent and slots. Pure functions only (no I/O, no clock,
 * no database); cli.ts is the only file here that touches stdin/stdout.
 */
export { parse } from './parse.ts';
export { foldDigitsAndSpaces, normalise } from './normalise.ts';
export { isThaiMobile, localForm } from './phone.ts';
export { readThaiNumber, thaiNumberValue, type ThaiNumberReading } from './thai-number-words.ts';
export type { ExtractorName, Flags, Intent, Match, ParseHint, ParseResult } from './types.ts';
