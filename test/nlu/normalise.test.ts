import { describe, expect, it } from 'vitest';
import { foldDigitsAndSpaces, normalise } from '../../src/nlu/index.ts';

describe('normalise', () => {
  it.each([
    ['Thai digits', 'เติม ๕๐ บาท', 'เติม 50 บาท'],
    ['Thai digits in a phone', '๐๘๑-๒๓๔-๕๖๗๘', '081-234-5678'],
    ['all ten Thai digits', '๐๑๒๓๔๕๖๗๘๙', '0123456789'],
    ['full-width digits', '０８１２３４５６７８', '0812345678'],
    ['full-width letters and case', 'ＡＩＳ　５０', 'ais 50'],
    ['upper case', 'DTAC TrueMove H', 'dtac truemove h'],
    ['zero-width space inside a word', 'ดี\u200Bแทค', 'ดีแทค'],
    ['zero-width joiner and BOM', '\uFEFFทรู\u200D50', 'ทรู50'],
    ['soft hyphen', 'เติม\u00ADเงิน', 'เติมเงิน'],
    ['emoji become a space', 'เติม😊50🙏', 'เติม 50'],
    ['emoji with skin tone and ZWJ', 'ขอบคุณค่ะ🙏🏻👩‍💻', 'ขอบคุณค่ะ'],
    ['keycap digits', '5️⃣0️⃣ บาท', '50 บาท'],
    ['hearts and stars', '♥♥ ทรู ★ 100 ✓', 'ทรู 100'],
    ['decorative punctuation', '!!!เติม 50 ค่ะ???', 'เติม 50 ค่ะ'],
    ['tilde and quotes', '~~"เติม"~~ ทรู', 'เติม ทรู'],
    ['parentheses around a prefix', '(081) 234-5678', '081 234-5678'],
    ['en dash in a phone', '081–234–5678', '081-234-5678'],
    ['em dash and minus sign', '081—234−5678', '081-234-5678'],
    ['keeps money punctuation', '฿1,000.00 50.-', '฿1,000.00 50.-'],
    ['keeps plus', '+66 81 234 5678', '+66 81 234 5678'],
    ['collapses whitespace, tabs, newlines', '  เติม\t\t50 \n ทรู  ', 'เติม 50 ทรู'],
    ['non-breaking and ideographic spaces', 'ทรู\u00A050\u3000บาท', 'ทรู 50 บาท'],
    ['two sara e typed for sara ae', 'เเฮปปี้', 'แฮปปี้'],
    ['nikhahit + sara aa typed for sara am', 'จํานวน', 'จำนวน'],
    ['sara e pair split by a zero-width space', 'เ\u200Bเฮปปี้', 'แฮปปี้'],
    ['three sara e: one pair merges', 'เเเ', 'แเ'],
    ['clean text comes back as is', 'เติม 50 ทรู', 'เติม 50 ทรู'],
    ['apostrophe dropped inside a word', "don't", 'dont'],
    ['curly quotes', '“ทรู” ‘50’', 'ทรู 50'],
    ['Thai decorative signs', '๏ เติม ๛', 'เติม'],
    ['empty', '', ''],
    ['only emoji', '😀😀😀', ''],
    ['keeps sara am untouched (no NFKC)', 'ทำ', 'ทำ'],
    // Letters held down for emphasis.
    ['a held consonant', 'เติมมมม 50', 'เติม 50'],
    ['a held vowel', 'ค่าาา', 'ค่า'],
    ['a held vowel, twice is enough', 'ค่ะะ', 'ค่ะ'],
    ['a held final in a question', 'เข้ายังงงง', 'เข้ายัง'],
    ['held Latin letters, any case', 'OKKKK thxxx', 'ok thx'],
    ['a held Latin vowel', 'hellooo', 'hello'],
    ['a held mai yamok', 'ไม่ใช่ๆๆๆ', 'ไม่ใช่ๆ'],
    ['a consonant doubled across words stays', 'ผมมาแล้ว', 'ผมมาแล้ว'],
    ['doubled Latin letters stay', 'hello all', 'hello all'],
    ['digits are never squeezed', '5555 1000 000', '5555 1000 000'],
  ])('%s', (_name, input, expected) => {
    expect(normalise(input)).toBe(expected);
  });
});

describe('foldDigitsAndSpaces (the light fold for typed commands)', () => {
  it.each([
    ['Thai digits', 'เพิ่มเครดิต U1 ๕๐๐', 'เพิ่มเครดิต U1 500'],
    ['full-width digits', '１２３', '123'],
    ['zero-width characters', 'ยอด\u200Bเงิน', 'ยอดเงิน'],
    ['whitespace collapsed and trimmed', '  ลงทะเบียน \t\n AbC-12!  ', 'ลงทะเบียน AbC-12!'],
    ['non-breaking and ideographic spaces', 'สรุป\u00A0วันนี้\u3000', 'สรุป วันนี้'],
    ['case, punctuation and repeats kept', "Code'X'' ok!!!", "Code'X'' ok!!!"],
  ])('%s', (_name, input, expected) => {
    expect(foldDigitsAndSpaces(input)).toBe(expected);
  });
});
