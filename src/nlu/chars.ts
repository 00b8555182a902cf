/**
 * Character classes and the word-boundary rule shared by every dictionary scan.
 *
 * Thai is written without spaces, so dictionary words are matched inside running text. What
 * keeps a match honest is the syllable structure at its edges, not a segmenter:
 * - a match may not end right before a following vowel or tone mark (สาม|ี is สามี, husband;
 *   มาย|ัง is มา ยัง, "arrived yet");
 * - a match may not start right after a leading vowel (เ แ โ ใ ไ attach to the next consonant);
 * - a match starting with a sonorant may not follow ห, which makes a cluster with it (ห|มาย);
 * - Latin words need Latin boundaries (ais in "raise", hi in "this"), and digit edges need
 *   digit boundaries (3g in "13g").
 */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
export function isLatin(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}
export function isThai(c: number): boolean {
  return c >= 0x0e01 && c <= 0x0e5b;
}
/** ะ ั า ำ ิ ี ึ ื ุ ู ฺ and ็ ่ ้ ๊ ๋ ์ ํ ๎: they continue the syllable before them. */
function isThaiFollowing(c: number): boolean {
  return (c >= 0x0e30 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);
}
/** เ แ โ ใ ไ: written before the consonant they belong to. */
function isThaiLeadingVowel(c: number): boolean {
  return c >= 0x0e40 && c <= 0x0e44;
}
/** ง ญ น ม ย ร ล ว: low sonorants that ห (ho hip) may lead. */
function isSonorant(c: number): boolean {
  return c === 0x0e07 || c === 0x0e0d || c === 0x0e19 || c === 0x0e21 || c === 0x0e22 || c === 0x0e23 ||
    c === 0x0e25 || c === 0x0e27;
}
const HO_HIP = 0x0e2b;

/** Does text[start, end) stand as a word of its own? */
export function fitsBoundaries(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  const prev = start > 0 ? text.charCodeAt(start - 1) : -1;
  const next = end < text.length ? text.charCodeAt(end) : -1;
  if (isLatin(first) && isLatin(prev)) return false;
  if (isDigit(first) && isDigit(prev)) return false;
  if (isLatin(last) && isLatin(next)) return false;
  if (isDigit(last) && isDigit(next)) return false;
  if (isThai(first)) {
    if (isThaiLeadingVowel(prev)) return false;
    if (prev === HO_HIP && isSonorant(first)) return false;
  }
  if (isThai(last) && isThaiFollowing(next)) return false;
  return true;
}
