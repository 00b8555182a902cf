/**
 * Text normalisation: one pass over UTF-16 code units, no regex, no allocation per character.
 *
 * - Thai digits ๐–๙ and full-width forms (０-９, Ａ-Ｚ, ＋, －, 　) become ASCII.
 * - ASCII is lower-cased (aliases are stored lower case).
 * - Zero-width characters, variation selectors, soft hyphens and the keycap mark are dropped,
 *   so "5️⃣0️⃣" reads 50 and "ดี\u200Bแทค" reads ดีแทค.
 * - Emoji and decorative punctuation become a space: they separate words but never carry slots.
 *   We keep what the extractors need: + - . , for numbers, ฿ % : / for amounts, times and dates.
 * - Dash look-alikes (– — −) become "-": phones are typed as 081–234–5678 on some keyboards.
 * - Two Thai typing habits are repaired: เเ (two sara e) → แ, and ํา (nikhahit + sara aa) → ำ.
 * - Letters held down for emphasis are let go (see `repeatRun`): เติมมมม → เติม, ค่าาา → ค่า,
 *   okkkk → ok. Digits are never touched (555, 1000).
 * - Whitespace runs collapse to one space; the result is trimmed.
 *
 * NFKC is deliberately not used: it decomposes ำ into ํา and would break Thai matching.
 */
export function normalise(input: string): string {
  // Unchanged characters are copied in runs (one slice per run, not one string per character).
  let out = '';
  let runStart = 0;
  let pendingSpace = false;
  const n = input.length;
  for (let i = 0; i < n; i++) {
    const raw = input.charCodeAt(i);
    let c = raw;

    if (c >= 0xd800 && c <= 0xdfff) {
      // Astral plane (surrogate pairs): emoji and pictographs. Thai text never needs them.
      out += input.slice(runStart, i);
      if (c <= 0xdbff) i++;
      runStart = i + 1;
      pendingSpace = out.length > 0;
      continue;
    }

    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0; // full-width ASCII
    else if (c === 0x3000 || c === 0x00a0) c = 0x20;

    if (c >= 0x0e50 && c <= 0x0e59) c -= 0x0e50 - 0x30; // Thai digits
    else if (c >= 0x41 && c <= 0x5a) c += 0x20; // A-Z
    else if (c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2014 || c === 0x2212) c = 0x2d;

    const space = c === 0x20;
    if (space || isDropped(c) || isSeparator(c)) {
      out += input.slice(runStart, i);
      runStart = i + 1;
      if (!isDropped(c)) pendingSpace = out.length > 0;
      continue;
    }

    // Thai repairs merge with the previous kept character, which is either the last one of the
    // current run or, after a dropped zero-width character, the last one written out.
    if ((c === 0x0e40 || c === 0x0e32) && !pendingSpace) {
      const inRun = runStart < i;
      const before = inRun ? input.charCodeAt(i - 1) : out.charCodeAt(out.length - 1);
      const merged = c === 0x0e40 && before === 0x0e40 ? 'แ' : c === 0x0e32 && before === 0x0e4d ? 'ำ' : '';
      if (merged !== '') {
        out = (inRun ? out + input.slice(runStart, i - 1) : out.slice(0, -1)) + merged;
        runStart = i + 1;
        continue;
      }
    }

    const run = repeatRun(input, i, c);
    if (run > 1) {
      out += input.slice(runStart, i) + (pendingSpace ? ' ' : '') + String.fromCharCode(c);
      pendingSpace = false;
      i += run - 1;
      runStart = i + 1;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    if (c !== raw) {
      out += input.slice(runStart, i) + String.fromCharCode(c);
      runStart = i + 1;
    }
  }
  return runStart === 0 ? input : out + input.slice(runStart);
}

/**
 * How many copies of `c` start at `i` when they are an elongation to squeeze to one, else 1.
 * A Thai vowel sign, tone mark or ๆ never legitimately repeats, so two of them are one; a Thai
 * consonant or a Latin letter may double across a word edge (ผม|มา, hello), so only three or
 * more are squeezed. Leading vowels are left alone (เเ is repaired above).
 */
function repeatRun(input: string, i: number, c: number): number {
  const sign = (c >= 0x0e30 && c <= 0x0e3a) || (c >= 0x0e45 && c <= 0x0e4e);
  const letter = (c >= 0x0e01 && c <= 0x0e2e) || (c >= 0x61 && c <= 0x7a);
  if (!sign && !letter) return 1;
  let j = i + 1;
  while (j < input.length && (input.charCodeAt(j) | (letter && c < 0x80 ? 0x20 : 0)) === c) j++;
  const run = j - i;
  return run >= (sign ? 2 : 3) ? run : 1;
}

/**
 * The light normalisation for command words typed by people (the owners' group commands):
 * Thai and full-width digits to ASCII, zero-width characters out, whitespace collapsed and
 * trimmed. Case, punctuation and repeated letters are kept: a registration code is typed as is.
 */
export function foldDigitsAndSpaces(input: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < input.length; i++) {
    let c = input.charCodeAt(i);
    if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) continue;
    if (c <= 0x20 || c === 0x00a0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
      c === 0x202f || c === 0x205f || c === 0x1680) {
      space = out.length > 0;
      continue;
    }
    if (c >= 0x0e50 && c <= 0x0e59) c -= 0x0e50 - 0x30;
    else if (c >= 0xff10 && c <= 0xff19) c -= 0xfee0;
    if (space) out += ' ';
    space = false;
    out += String.fromCharCode(c);
  }
  return out;
}

/** Characters removed without a trace: they sit inside words. */
function isDropped(c: number): boolean {
  return (
    c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0x00ad ||
    c === 0x180e || (c >= 0xfe00 && c <= 0xfe0f) || c === 0x20e3 || c === 0x27 || c === 0x2019 ||
    c === 0x2018 || c === 0x0060
  );
}

/** Characters that separate words but carry nothing: whitespace, decoration, emoji in the BMP. */
function isSeparator(c: number): boolean {
  if (c <= 0x20) return true; // controls, tab, newline, space
  if (c < 0x7f) {
    // ASCII punctuation we drop: ! " # $ & ( ) * ; < = > ? @ [ \ ] ^ _ { | } ~
    return (
      c === 0x21 || c === 0x22 || c === 0x23 || c === 0x24 || c === 0x26 || c === 0x28 || c === 0x29 ||
      c === 0x2a || c === 0x3b || c === 0x3c || c === 0x3d || c === 0x3e || c === 0x3f || c === 0x40 ||
      c === 0x5b || c === 0x5c || c === 0x5d || c === 0x5e || c === 0x5f || c === 0x7b || c === 0x7c ||
      c === 0x7d || c === 0x7e
    );
  }
  if (c >= 0x7f && c <= 0xbf) return true; // DEL, C1 controls, ¡ « » ° · © ®
  if (c >= 0x2000 && c <= 0x206f) return true; // general punctuation: “ ” • … ‼ (zero-widths handled above)
  if (c >= 0x2190 && c <= 0x2bff) return true; // arrows, math symbols, technical, boxes, shapes, dingbats, ★ ♥ ✓
  if (c >= 0x3001 && c <= 0x303f) return true; // CJK punctuation 、。「」
  if (c === 0x0e4f || c === 0x0e5a || c === 0x0e5b) return true; // Thai ๏ ๚ ๛ (decorative)
  if (c >= 0xfe10 && c <= 0xfe6f) return true; // small and vertical forms
  if (c >= 0xff5f && c <= 0xffef) return true; // half-width forms
  return false;
}
