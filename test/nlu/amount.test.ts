import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.ts';

describe('amount: digits', () => {
  it.each([
    ['50', 50],
    ['100', 100],
    ['500', 500],
    ['1000', 1000],
    ['1,000', 1000],
    ['1,000 บาท', 1000],
    ['฿50', 50],
    ['฿ 50', 50],
    ['50฿', 50],
    ['50บ.', 50],
    ['50 บ.', 50],
    ['50บ', 50],
    ['50บาท', 50],
    ['50 บาท', 50],
    ['50.-', 50],
    ['100.-บาท', 100],
    ['50 THB', 50],
    ['50thb', 50],
    ['50 baht', 50],
    ['50 Baht', 50],
    ['1000.00', 1000],
    ['50.00 บาท', 50],
    ['๑๐๐', 100],
    ['๕๐ บาท', 50],
    ['๑,๐๐๐', 1000],
    ['５０', 50],
    ['เติม50', 50],
    ['เติม 50 ค่ะ', 50],
    ['จำนวน 300 บาทค่ะ', 300],
    ['5ร้อย', 500],
    ['2 พัน', 2000],
    ['1พันบาท', 1000],
    ['ยอด 20 บาทถ้วน', 20],
    ['50 บาทค่ะ', 50],
    ['10', 10],
  ])('%s → %d', (text, amount) => {
    const r = parse(text);
    expect(r.amount).toBe(amount);
    expect(r.sources.amount).toBe('amount.digits');
  });
});

describe('amount: Thai words', () => {
  it.each([
    ['ห้าสิบ', 50],
    ['ยี่สิบ', 20],
    ['สิบ', 10],
    ['ร้อย', 100],
    ['หนึ่งร้อย', 100],
    ['ร้อยบาท', 100],
    ['ร้อยนึง', 100],
    ['ร้อยนึงค่ะ', 100],
    ['สองร้อย', 200],
    ['สามร้อยบาท', 300],
    ['ห้าร้อย', 500],
    ['พัน', 1000],
    ['หนึ่งพัน', 1000],
    ['พันบาท', 1000],
    ['พันนึง', 1000],
    ['สองร้อยห้าสิบ', 250],
    ['ห้าสิบบาทถ้วน', 50],
    ['ห้าบาท', 5],
    ['เติมร้อย', 100],
    ['เติมห้าสิบบาทค่ะ', 50],
    ['ขอเติมสามร้อยครับ', 300],
    ['พันครึ่ง', 1500],
    ['ร้อยเอ็ด', 101],
    ['แสนบาท', 100_000],
  ])('%s → %d', (text, amount) => {
    const r = parse(text);
    expect(r.amount).toBe(amount);
    expect(r.sources.amount).toBe('amount.words');
  });
});

describe('amount: colloquial readings are candidates, not an amount', () => {
  it.each([
    ['ร้อยห้า', [105, 150]],
    ['พันห้า', [1005, 1500]],
    ['เติมร้อยห้าค่ะ', [105, 150]],
    ['สองร้อยห้า', [205, 250]],
    ['พันสอง', [1002, 1200]],
  ])('%s → %j', (text, candidates) => {
    const r = parse(text);
    expect(r.amount).toBeNull();
    expect(r.amountCandidates).toEqual(candidates);
    expect(r.flags.ambiguousAmount).toBe(true);
    expect(r.flags.colloquialAmount).toBe(true);
  });

  it('a clear amount that is one of the readings settles it', () => {
    const r = parse('ร้อยห้า 150 บาท');
    expect(r.amount).toBe(150);
    expect(r.flags.ambiguousAmount).toBe(false);
  });
});

describe('amount: two amounts', () => {
  it.each([
    ['50 หรือ 100', [50, 100]],
    ['ห้าสิบ หรือ ร้อย', [50, 100]],
    ['เติม 50 บาท 2 อัน 100', [50, 100]],
  ])('%s is ambiguous', (text, candidates) => {
    const r = parse(text);
    expect(r.amount).toBeNull();
    expect(r.flags.ambiguousAmount).toBe(true);
    expect(r.amountCandidates).toEqual(candidates);
  });

  it.each([['50 บาท (ห้าสิบบาท)'], ['ห้าสิบ 50'], ['50 50']])('%s is one amount twice', (text) => {
    expect(parse(text).amount).toBe(50);
  });

  it.each([
    ['ไม่ใช่ 50 เป็น 100', 100, [50]],
    ['ไม่เอา 50 เอา 100', 100, [50]],
  ])('%s → %d, negated %j', (text, amount, negated) => {
    const r = parse(text);
    expect(r.amount).toBe(amount);
    expect(r.negation.amounts).toEqual(negated);
  });
});

describe('amount: not whole baht', () => {
  it.each([['50.50'], ['เติม 99.75 บาท'], ['100.5']])('%s → null, flagged', (text) => {
    const r = parse(text);
    expect(r.amount).toBeNull();
    expect(r.flags.fractionalAmount).toBe(true);
  });
});

describe('amount: never from phone digits or brand tokens', () => {
  it.each([
    ['0812345678', null],
    ['12call', null],
    ['1-2-call', null],
    ['one-2-call', null],
    ['3G', null],
    ['ทรู 4G', null],
    ['ais 5g', null],
    ['TOT3G', null],
    ['เติม 12call 50', 50],
    ['tot3g 100', 100],
    ['0812345678 ais 50', 50],
    ['+66 81 234 5678 ทรู 20', 20],
  ])('%s → %s', (text, amount) => {
    expect(parse(text).amount).toBe(amount);
  });
});
