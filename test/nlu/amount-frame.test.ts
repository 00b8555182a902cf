import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.ts';

/** refiners/amount-frame.ts: a bare number is money only in a money frame. */
describe('amount frame: numbers that are not money', () => {
  it.each([
    ['ปี 2567', 'a year'],
    ['พ.ศ. 2567', 'a Buddhist-era year'],
    ['ค.ศ. 2024', 'a Common-era year'],
    ['2024', 'a bare year'],
    ['2567 แล้วนะ', 'a bare year in chatter'],
    ['นัด 14:30', 'a time'],
    ['14.30 น.', 'a time with a dot'],
    ['ตอน 2 ทุ่ม', 'a time in the evening'],
    ['อายุ 25', 'an age'],
    ['ลูก 3 คน', 'a count of people'],
    ['ซื้อตั๋ว 2 ใบ', 'a count of tickets'],
    ['วันที่ 5', 'a day'],
    ['5 มีนา', 'a date'],
    ['ได้ที่ 3', 'a rank'],
    ['ขับไป 120 กม', 'a distance'],
    ['เมื่อวานกินข้าวไป 300', 'money, but not for a top-up'],
    ['37', 'not a face value on its own'],
    ['1234', 'not a face value on its own'],
    ['10110', 'a postcode'],
    ['คนที่ 2 ของคิว', 'a place in a queue'],
    ['เจอกัน 9 โมงครึ่ง', 'a time'],
  ])('%s has no amount (%s)', (text) => {
    const r = parse(text);
    expect(r.amount).toBeNull();
    expect(r.amountCandidates).toEqual([]);
  });
});

describe('amount frame: numbers that are', () => {
  it.each([
    ['เติม 37', 37],
    ['ทรู 25', 25],
    ['0812345678 15', 15],
    ['ขอ 50', 50],
    ['เอา 100 ค่ะ', 100],
    ['จำนวน 300', 300],
    ['100', 100],
    ['50 ค่ะ', 50],
    ['1,500', 1500],
    ['2000 บาท', 2000],
    ['฿1500', 1500],
    ['เติมเมื่อวาน 50 ยังไม่เข้า', 50],
    ['ที่เติม 100 เมื่อเช้า เป็นไงบ้าง', 100],
    ['ยกเลิก ทรู 20', 20],
  ])('%s → %d', (text, amount) => {
    expect(parse(text).amount).toBe(amount);
  });

  it('a year next to an order is still not money', () => {
    const r = parse('เติมทรู 0812345678 ปี 2567 ก็เติม 50');
    expect(r.amount).toBe(50);
  });
});
