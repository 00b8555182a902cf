import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.ts';
import type { Network } from '../../src/networks.ts';

type Slots = { number?: string | null; network?: Network | null; amount?: number | null };

/** refiners/repair.ts: the value after a repair word replaces the one before, for any slot. */
describe('repairs inside one message', () => {
  it.each<[string, Slots]>([
    ['เติม 50 เอ้ย 100 ทรู', { amount: 100, network: 'TRUE' }],
    ['ทรู 0812345678 100 ไม่ใช่ๆ 150', { amount: 150, number: '0812345678' }],
    ['ais ไม่ใช่ ไม่ใช่ ดีแทค 50', { network: 'DTAC', amount: 50 }],
    ['เติม dtac ขอโทษค่ะ พิมพ์ผิด ทรู 100 0812345678', { network: 'TRUE', amount: 100 }],
    ['0812345678 อุ๊ย 0898765432 ทรู 50', { number: '0898765432' }],
    ['เบอร์ 0812345678 เปลี่ยนเป็น 0861234567', { number: '0861234567' }],
    ['ทรู 300 เอ๊ย 30', { amount: 30, network: 'TRUE' }],
    ['เติมเอไอเอส 20 เอ้ย ทรู 20', { network: 'TRUE', amount: 20 }],
    ['ร้อยห้า เอ้ย ร้อยบาท ทรู', { amount: 100 }],
    ['ดีแทค 50 sorry i mean ais', { network: 'AIS', amount: 50 }],
    ['เติม 100 แก้เป็น 200 ค่ะ', { amount: 200 }],
    ['ทรู 50 ที่ถูกคือ 500', { amount: 500 }],
    ['เติม 0812345678 oops 0898765432', { number: '0898765432' }],
    ['ดีแทค อ่ะ ไม่ใช่ๆ ทรูค่ะ', { network: 'TRUE' }],
    ['เติม 20 ทรู เอ้ยไม่ใช่ 30', { amount: 30, network: 'TRUE' }],
    ['ais 100 0812345678 ขอโทษนะคะ พิมผิด เป็น dtac', { network: 'DTAC', amount: 100, number: '0812345678' }],
  ])('%s → %j', (text, slots) => {
    const r = parse(text);
    expect(r).toMatchObject(slots);
    expect(r.flags.correction).toBe(true);
  });

  it('reports the replaced values as ruled out', () => {
    const r = parse('เติม 20 เอ้ย 30 ทรู เอ้ย ดีแทค');
    expect(r.negation).toEqual({ numbers: [], networks: ['TRUE'], amounts: [20] });
  });
});

describe('not repairs', () => {
  it.each<[string, Slots]>([
    ['ais ไม่ใช่ทรู', { network: 'AIS' }],
    ['เติม 50 ทรู ขอโทษที่ทักดึก 0812345678', { amount: 50, network: 'TRUE', number: '0812345678' }],
    ['เติมทรู 50 เป็นของขวัญวันเกิด', { amount: 50, network: 'TRUE' }],
    ['ทรู 0812345678 50 เป็น 50 นะ', { amount: 50 }],
    ['เติม 100 ทรู ขอโทษนะคะ', { amount: 100, network: 'TRUE' }],
    ['เติม 50 หรือ 100 ดีคะ', { amount: null }],
  ])('%s → %j', (text, slots) => {
    expect(parse(text)).toMatchObject(slots);
  });
});
