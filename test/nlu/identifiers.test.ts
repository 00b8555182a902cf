import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.ts';

/** extractors/identifiers.ts and the identifier branch of extractors/phone.ts. */
describe('identifiers: digits that name an account, a person, a parcel or a place', () => {
  it.each([
    ['เลขบัญชี 123-4-56789-0'],
    ['โอนเข้าบัญชี กสิกร 063-2-12345-6 นะคะ'],
    ['บัญชีไทยพาณิชย์ 4071234567'],
    ['kbank 0632123456'],
    ['พร้อมเพย์ 0812345678'],
    ['promptpay: 0898765432'],
    ['บัตรประชาชน 1-1037-00123-45-6'],
    ['เลขประจำตัวประชาชน 1103700123456 ค่ะ'],
    ['1103700123456'],
    ['รหัสไปรษณีย์ 10110'],
    ['เลขพัสดุ TH1234567890'],
    ['tracking kex0123456789'],
    ['ห้อง 1204'],
    ['ชั้น 3 ค่ะ'],
    ['ซอย 15'],
    ['บ้านเลขที่ 99/12 หมู่ 4'],
    ['OTP 482913'],
    ['รหัส 1234 ค่ะ'],
    ['ref: 20240601001'],
    ['ที่นั่ง 14'],
    ['ทะเบียนรถ 1234'],
  ])('%s: no number, no amount, no invalid number, no order', (text) => {
    const r = parse(text);
    expect({ intent: r.intent, number: r.number, amount: r.amount, invalid: r.flags.invalidNumber }).toEqual({
      intent: 'unknown',
      number: null,
      amount: null,
      invalid: false,
    });
  });

  it.each([
    ['เบอร์ 0812345678 ทรู 50', '0812345678', 50],
    ['โอนแล้วนะ เติม 0812345678 ทรู 50', '0812345678', 50],
    ['บัญชีผมโอนไปแล้ว เติมทรู 50 ให้ 0812345678', '0812345678', 50],
    ['ห้อง 305 เติมทรู 50 เบอร์ 0812345678', '0812345678', 50],
    ['เลขที่ 12 0812345678 ทรู 20', '0812345678', 20],
    ['ธนาคารปิดแล้ว เติม ais 100 0891234567', '0891234567', 100],
  ])('%s: a cue further away leaves the order alone', (text, number, amount) => {
    const r = parse(text);
    expect({ number: r.number, amount: r.amount }).toEqual({ number, amount });
  });

  it.each([['081234567'], ['812345678'], ['02-123-4567'], ['+1 415 555 0100']])(
    '%s is shaped like a phone: still flagged as an invalid number',
    (text) => {
      expect(parse(text).flags.invalidNumber).toBe(true);
    },
  );
});
