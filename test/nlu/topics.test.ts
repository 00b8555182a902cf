import { describe, expect, it } from 'vitest';
import { parse, type Intent } from '../../src/nlu/index.ts';
import type { Network } from '../../src/networks.ts';

/** refiners/intent.ts with vocabulary/topics.ts: what a message is about when not phone credit. */
describe('other products: เติม that is not phone credit', () => {
  it.each([
    ['แวะเติมน้ำมันก่อนนะ'],
    ['เติมแก๊สรถ 500 บาท'],
    ['เติมเพชร rov 100 บาทได้ไหม'],
    ['เติม UC 60 ได้ป่าว'],
    ['เติมคูปองเกมให้หน่อย'],
    ['เติมทรูมันนี่ 300'],
    ['เติมเงินเข้าทรูมันนี่ได้ไหมคะ'],
    ['เติม shopee pay 200'],
    ['เติมบัตรรถไฟฟ้า 200'],
    ['ซื้อบัตร steam 500'],
    ['เติมลมยางหน่อย'],
    ['เติมหมึกปริ้นได้มั้ย'],
    ['เติมกำลังใจให้หน่อย'],
    ['จ่ายค่าไฟได้ไหม'],
    ['เติมเกมให้ลูก 99 บาท'],
    ['เติม trueid ได้ไหม'],
  ])('%s → unknown, no amount', (text) => {
    const r = parse(text);
    expect({ intent: r.intent, amount: r.amount, otherProduct: r.flags.otherProduct }).toEqual({
      intent: 'unknown',
      amount: null,
      otherProduct: true,
    });
  });

  it.each([
    ['เติมเงินทรูมูฟ 100 ไว้เล่นเกม 0812345678', 'TRUE', 100],
    ['เติม ais 50 0891234567 แล้วแวะเติมน้ำมัน', 'AIS', 50],
  ])('%s: a phone top-up that mentions another product is still one', (text, network, amount) => {
    expect(parse(text)).toMatchObject({ intent: 'topup', network, amount });
  });
});

describe('other subjects: a network or number named in passing', () => {
  it.each<[string, Network | null]>([
    ['ทรูมีโปรอะไรบ้างคะ', 'TRUE'],
    ['ais โปรเน็ต 30 วันราคาเท่าไหร่', 'AIS'],
    ['เน็ตดีแทคช้ามาก', 'DTAC'],
    ['สัญญาณทรูไม่ดีเลย', 'TRUE'],
    ['เอไอเอสสัญญาณหายบ่อยมาก', 'AIS'],
    ['จ่ายบิลรายเดือนทรูได้ไหม', 'TRUE'],
    ['อยากย้ายค่ายจากดีแทคไปทรู', null],
    ['ร้านเปิดกี่โมงคะ', null],
    ['ไลน์ไอดีร้านอะไรคะ', null],
    ['ศูนย์ทรูอยู่ไหน', null],
    ['ซิมเพนกวินซื้อที่ไหน', 'PENGUIN'],
    ['ค่ายไหนดีคะ ทรูหรือ ais', null],
    ['โปรทรู 7 วัน 150 บาท สมัครยังไง', 'TRUE'],
    ['ขอใบเสร็จด้วยค่ะ', null],
  ])('%s → unknown (network %s)', (text, network) => {
    const r = parse(text);
    expect({ intent: r.intent, network: r.network, amount: r.amount }).toEqual({ intent: 'unknown', network, amount: null });
  });

  it('a call-back number is not an order', () => {
    const r = parse('โทรกลับเบอร์ 0812345678 ด้วยค่ะ');
    expect(r.intent).toBe('unknown');
    expect(r.flags.offTopic).toBe(true);
  });

  it.each<[string, Intent]>([
    ['เติมทรู 50 เน็ตหมดพอดี', 'topup'],
    ['เติม ais 100 0812345678 สมัครโปรให้ด้วย', 'topup'],
    ['เติมเน็ตทรู 50', 'topup'],
    ['เน็ตช้าเพราะเงินหมด เติมดีแทค 100 ให้หน่อย', 'topup'],
  ])('%s: an order that mentions another subject is still one', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});
