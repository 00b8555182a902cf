import { isValidPhoneNumber } from 'libphonenumber-js/mobile';
import { describe, expect, it } from 'vitest';
import { isThaiMobile, localForm, parse } from '../../src/nlu/index.ts';

describe('phone: the ways a valid number is written', () => {
  it.each([
    ['0812345678', '0812345678'],
    ['081-234-5678', '0812345678'],
    ['081 234 5678', '0812345678'],
    ['08-1234-5678', '0812345678'],
    ['08 1234 5678', '0812345678'],
    ['081.234.5678', '0812345678'],
    ['081 - 234 - 5678', '0812345678'],
    ['+66 81 234 5678', '0812345678'],
    ['+66812345678', '0812345678'],
    ['+66-81-234-5678', '0812345678'],
    ['+66 0812345678', '0812345678'],
    ['(+66) 81 234 5678', '0812345678'],
    ['66812345678', '0812345678'],
    ['66 81 234 5678', '0812345678'],
    ['006681 234 5678', '0812345678'],
    ['๐๘๑๒๓๔๕๖๗๘', '0812345678'],
    ['๐๘๑-๒๓๔-๕๖๗๘', '0812345678'],
    ['０８１２３４５６７８', '0812345678'],
    ['เบอร์0812345678', '0812345678'],
    ['เบอร์ 0812345678 ค่ะ', '0812345678'],
    ['0812345678ค่ะ', '0812345678'],
    ['0812345678ais', '0812345678'],
    ['ทรู0812345678', '0812345678'],
    ['หมายเลข 089-876-5432', '0898765432'],
    ['เบอร์โทร 0612345678', '0612345678'],
    ['0923456789 นะคะ', '0923456789'],
    ['(081) 234-5678', '0812345678'],
    ['081–234–5678', '0812345678'],
    ['0 8 1 2 3 4 5 6 7 8', '0812345678'],
    ['โทร.0812345678', '0812345678'],
  ])('%s → %s', (text, number) => {
    const r = parse(text);
    expect(r.number).toBe(number);
    expect(r.flags.invalidNumber).toBe(false);
    expect(r.flags.ambiguousNumber).toBe(false);
  });
});

describe('phone: looks like a number but is not a Thai mobile', () => {
  it.each([
    ['0212345678', 'ten digits, Bangkok prefix'],
    ['021234567', 'Bangkok landline'],
    ['02 123 4567', 'Bangkok landline, spaced'],
    ['02-123-4567', 'Bangkok landline, dashed'],
    ['053 123 456', 'Chiang Mai landline'],
    ['081234567', 'nine digits'],
    ['081 234 567', 'nine digits, spaced'],
    ['08123456789', 'eleven digits'],
    ['081-234-56789', 'eleven digits, dashed'],
    ['0812345', 'seven digits'],
    ['812345678', 'no trunk zero'],
    ['+66 2 123 4567', 'international landline'],
    ['+1 415 555 0100', 'another country'],
    ['0601234567', 'VoIP range'],
    ['081234567890123', 'far too long'],
  ])('%s (%s) gives no number and is flagged', (text) => {
    const r = parse(text);
    expect(r.number).toBeNull();
    expect(r.flags.invalidNumber).toBe(true);
    expect(r.candidates.invalidNumbers).toEqual([text.replace(/[\s-]/g, '')]);
  });

  it('a valid number next to an invalid one is kept, and the invalid one flagged', () => {
    const r = parse('0812345678 หรือ 021234567');
    expect(r.number).toBe('0812345678');
    expect(r.flags.invalidNumber).toBe(true);
  });
});

describe('phone: two numbers', () => {
  it.each([
    ['0812345678 0898765432'],
    ['0812345678,0898765432'],
    ['เบอร์ 081-234-5678 กับ 089-876-5432'],
    ['0812345678 หรือ +66898765432'],
  ])('%s is ambiguous', (text) => {
    const r = parse(text);
    expect(r.number).toBeNull();
    expect(r.flags.ambiguousNumber).toBe(true);
    expect(r.candidates.numbers).toEqual(['0812345678', '0898765432']);
  });

  it.each([['0812345678 0812345678'], ['0812345678 (081-234-5678)'], ['+66812345678 = 0812345678']])(
    '%s is the same number twice',
    (text) => {
      const r = parse(text);
      expect(r.number).toBe('0812345678');
      expect(r.flags.ambiguousNumber).toBe(false);
    },
  );
});

describe('phone: digits next to it stay amounts', () => {
  it.each([
    ['0812345678 50', '0812345678', 50],
    ['50 0812345678', '0812345678', 50],
    ['081 234 5678 100', '0812345678', 100],
    ['100 081 234 5678', '0812345678', 100],
    ['50-0812345678', '0812345678', 50],
    ['เติม500812345678', '0812345678', 50],
    ['081234567 100', null, 100],
  ])('%s → number %s, amount %d', (text, number, amount) => {
    const r = parse(text);
    expect(r.number).toBe(number);
    expect(r.amount).toBe(amount);
  });
});

describe('phone: validation follows libphonenumber-js/mobile', () => {
  it.each([
    ['0812345678', '0812345678'],
    ['66812345678', '0812345678'],
    ['6681234567', null],
    ['0812345678', '0812345678'],
    ['12345', null],
  ])('localForm(%s) = %s', (digits, local) => {
    expect(localForm(digits, false)).toBe(local);
  });

  it('agrees with isValidPhoneNumber(…, "TH") on every 3-digit prefix', () => {
    const suffixes = ['0000000', '1234567', '5555555', '9876543', '0101010'];
    for (let p = 0; p < 1000; p++) {
      for (const s of suffixes) {
        const local = `0${String(p).padStart(3, '0')}${s}`.slice(0, 10);
        expect(isThaiMobile(local), local).toBe(isValidPhoneNumber(local, 'TH'));
      }
    }
  });
});
