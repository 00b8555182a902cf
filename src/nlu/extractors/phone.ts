import { isDigit, isLatin } from '../chars.ts';
import type { ParseContext } from '../context.ts';
import { isThaiMobile, localForm } from '../phone.ts';

/**
 * Phone numbers. Runs before amounts so that no phone digit is ever read as money.
 *
 * The text is read as chains of digit groups joined by a separator (space, "-", ".", or a
 * dash between spaces): "081 234 5678", "08-1234-5678", "+66 81 234 5678". A chain may also hold
 * an amount ("50 0812345678"), so:
 * 1. from each group, the longest run of groups that spells a valid Thai mobile becomes a number;
 *    a single run of 12–14 digits that is an amount glued to a number ("500812345678") is split;
 * 2. what is left and still looks like a phone number (9+ digits, or 7+ starting with 0, or
 *    anything after +) is consumed, so it is never an amount. It is an invalid number (flagged)
 *    when it is shaped like one: a trunk 0, a country code, or a mobile missing its 0 (81234…);
 *    otherwise (1103700123456, 123-4-56789-0, TH0123…) it identifies something else and is ignored.
 */
interface Group {
  readonly start: number;
  readonly end: number;
  readonly digits: string;
  /** The separator before the next group contains a space ("081 234"), not only "-" or ".". */
  looseAfter: boolean;
  used: boolean;
}

const MAX_GROUPS_IN_NUMBER = 10;
/** 6, 8, 9: the first digit of a mobile number typed without its trunk 0 (812345678). */
const MISSING_TRUNK_ZERO: ReadonlySet<number> = new Set([0x36, 0x38, 0x39]);

export function extractPhones(ctx: ParseContext): void {
  const { text, taken } = ctx;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const startsChain =
      taken[i] === 0 &&
      (isDigit(c) || (c === 0x2b && nextDigitAfterPlus(text, i) > 0)) &&
      (i === 0 || !isDigit(text.charCodeAt(i - 1)));
    if (!startsChain) {
      i++;
      continue;
    }
    i = readChain(ctx, i);
  }
}

/** Index of the first digit after "+" (allowing one space), or -1. */
function nextDigitAfterPlus(text: string, i: number): number {
  let j = i + 1;
  if (text.charCodeAt(j) === 0x20) j++;
  return isDigit(text.charCodeAt(j)) ? j : -1;
}

/** Reads the chain starting at `start`, records its numbers, returns where scanning resumes. */
function readChain(ctx: ParseContext, start: number): number {
  const { text, taken } = ctx;
  const plus = text.charCodeAt(start) === 0x2b;
  let pos = plus ? nextDigitAfterPlus(text, start) : start;
  const groups: Group[] = [];
  for (;;) {
    const gs = pos;
    while (pos < text.length && isDigit(text.charCodeAt(pos)) && taken[pos] === 0) pos++;
    groups.push({ start: gs, end: pos, digits: text.slice(gs, pos), looseAfter: false, used: false });
    const sep = separatorLength(text, taken, pos);
    if (sep === 0 || groups.length >= 16) break;
    const last = groups[groups.length - 1] as Group;
    last.looseAfter = text.slice(pos, pos + sep).includes(' ');
    pos += sep;
  }
  const chainEnd = (groups[groups.length - 1] as Group).end;

  findValidNumbers(ctx, groups, plus, start);
  findInvalidNumbers(ctx, groups, plus, start);
  return chainEnd;
}

/** Length of a group separator at `pos` that is followed by a free digit, else 0. */
function separatorLength(text: string, taken: Uint8Array, pos: number): number {
  let j = pos;
  let punct = 0;
  while (j < text.length && j - pos < 3 && taken[j] === 0) {
    const c = text.charCodeAt(j);
    if (c === 0x20) j++;
    else if ((c === 0x2d || c === 0x2e) && punct === 0) {
      punct++;
      j++;
    } else break;
  }
  if (j === pos || !isDigit(text.charCodeAt(j)) || taken[j] !== 0) return 0;
  return j - pos;
}

function findValidNumbers(ctx: ParseContext, groups: Group[], plus: boolean, chainStart: number): void {
  let s = 0;
  while (s < groups.length) {
    let found = false;
    const last = Math.min(groups.length - 1, s + MAX_GROUPS_IN_NUMBER - 1);
    for (let e = last; e >= s && !found; e--) {
      // Only a run of 10–13 digits can spell a number: count before building the string.
      let length = 0;
      for (let k = s; k <= e; k++) length += (groups[k] as Group).digits.length;
      if (length < 10 || length > 13) continue;
      let digits = (groups[s] as Group).digits;
      for (let k = s + 1; k <= e; k++) digits += (groups[k] as Group).digits;
      const withPlus = plus && s === 0;
      const local = localForm(digits, withPlus);
      if (local !== null && isThaiMobile(local)) {
        for (let k = s; k <= e; k++) (groups[k] as Group).used = true;
        ctx.add({
          kind: 'number',
          value: local,
          start: withPlus ? chainStart : (groups[s] as Group).start,
          end: (groups[e] as Group).end,
          extractor: withPlus || digits.startsWith('66') || digits.startsWith('00') ? 'phone.intl' : 'phone',
        });
        s = e + 1;
        found = true;
      }
    }
    if (!found) {
      splitGluedAmount(ctx, groups[s] as Group, plus && s === 0);
      s++;
    }
  }
}

/**
 * "เติม500812345678": an amount typed straight into the number. Only a 2–4 digit amount that
 * does not start with 0 (or 66, the country code) before a valid local number is split off; the
 * amount digits stay free for the amount extractor. An 11-digit string is never split: that is a
 * mistyped number and must be flagged.
 */
function splitGluedAmount(ctx: ParseContext, group: Group, plus: boolean): void {
  const d = group.digits;
  if (plus || d.length < 12 || d.length > 14) return;
  const cut = d.length - 10;
  if (d.charCodeAt(0) === 0x30 || d.startsWith('66') || d.charCodeAt(cut) !== 0x30) return;
  const local = d.slice(cut);
  if (!isThaiMobile(local)) return;
  group.used = true;
  ctx.add({ kind: 'number', value: local, start: group.start + cut, end: group.end, extractor: 'phone.split' });
}

function findInvalidNumbers(ctx: ParseContext, groups: Group[], plus: boolean, chainStart: number): void {
  let s = 0;
  while (s < groups.length) {
    const first = groups[s] as Group;
    if (first.used) {
      s++;
      continue;
    }
    const withPlus = plus && s === 0;
    const phoneStart = withPlus || first.digits.charCodeAt(0) === 0x30 || first.digits.startsWith('66');
    let digits = first.digits;
    let e = s;
    while (e + 1 < groups.length) {
      const cur = groups[e] as Group;
      const next = groups[e + 1] as Group;
      if (next.used) break;
      // Tight separators ("-", ".") always join; spaces join phone-sized groups after a phone
      // prefix ("081 234 567", "02 123 4567", "+66 2 123 4567") while the total stays
      // phone-sized, so an amount after a broken number ("081234567 100") stays an amount.
      const joins = !cur.looseAfter ||
        (phoneStart && next.digits.length <= 4 && digits.length + next.digits.length <= (withPlus ? 13 : 11));
      if (!joins) break;
      digits += next.digits;
      e++;
    }
    const looksLikePhone = withPlus ? digits.length >= 6 : digits.length >= 9 || (digits.charCodeAt(0) === 0x30 && digits.length >= 7);
    if (looksLikePhone) {
      for (let k = s; k <= e; k++) (groups[k] as Group).used = true;
      const start = withPlus ? chainStart : first.start;
      const end = (groups[e] as Group).end;
      const gluedToCode = isLatin(ctx.text.charCodeAt(start - 1)) && ctx.taken[start - 1] === 0;
      const shapedLikePhone = !gluedToCode &&
        (withPlus || phoneStart || (digits.length === 9 && MISSING_TRUNK_ZERO.has(digits.charCodeAt(0))));
      if (shapedLikePhone) {
        ctx.add({ kind: 'invalidNumber', value: (withPlus ? '+' : '') + digits, start, end, extractor: 'phone' });
      } else {
        ctx.add({ kind: 'ignored', note: 'identifier', start, end, extractor: 'identifier' });
      }
      s = e + 1;
    } else {
      s++;
    }
  }
}
