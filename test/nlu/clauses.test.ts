import { describe, expect, it } from 'vitest';
import { parse, type Intent } from '../../src/nlu/index.ts';

/** refiners/clauses.ts: status and balance questions read from their parts. */
describe('status: questions about an order already made', () => {
  it.each([
    ['เติมไปเมื่อกี้ยังไม่เข้าเลย'],
    ['เงินยังไม่เข้าครับ'],
    ['ยังบ่เข้าเลย'],
    ['บ่าเข้าเจ้า'],
    ['เข้าแล้วหรือยังคะ'],
    ['เติมสำเร็จรึยัง'],
    ['สำเร็จไหมครับ'],
    ['เรียบร้อยแล้วรึยังคะ'],
    ['เติมให้ยังคะ'],
    ['เติมให้แล้วใช่ไหม'],
    ['ยอดไม่ขึ้นเลย'],
    ['ออเดอร์เมื่อเช้าเป็นไงบ้าง'],
    ['ที่สั่งไปเป็นยังไงบ้างคะ'],
    ['ที่เติมไปได้ยัง'],
    ['ทำไมยังไม่เสร็จ'],
    ['received yet?'],
    ['khao rue yang'],
    ['เข้ายังงงง'],
    ['เงินหายไปไหนคะ'],
    ['ตกลงเข้ามั้ยคะ'],
  ])('%s → status', (text) => {
    expect(parse(text).intent).toBe('status');
  });

  it.each([
    ['เติมไม่สำเร็จ 0812345678 ทรู 100', '0812345678', 'TRUE', 100],
    ['not received 0898765432', '0898765432', null, null],
    ['ดีแทค 50 เมื่อเช้ายังบ่เข้า', null, 'DTAC', 50],
  ])('%s → status, with the order it asks about', (text, number, network, amount) => {
    expect(parse(text)).toMatchObject({ intent: 'status', number, network, amount });
  });

  it.each<[string, Intent]>([
    ['เติมได้ไหมคะ', 'topup'],
    ['เข้าใจแล้วค่ะ', 'unknown'],
    ['เงินเข้าแล้วค่ะ', 'unknown'],
    ['เติมเข้าเบอร์ 0812345678 ทรู 50', 'topup'],
    ['เติมแล้วนะคะ ขอบคุณ', 'unknown'],
    ['ทรู 50 0812345678 ยังไม่ได้โอนนะ', 'topup'],
    ['สำเร็จแล้วค่ะ ขอบคุณมาก', 'unknown'],
    ['เข้าไลน์ไม่ได้', 'unknown'],
    ['เมื่อวานเติมไปรอบนึงแล้ว วันนี้เติมอีก ทรู 50', 'topup'],
  ])('%s → %s, not status', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});

describe('balance: credit and how much is left', () => {
  it.each([
    ['เครดิตเหลือกี่บาท'],
    ['เครดิตยังเหลืออยู่ไหม'],
    ['ในระบบเหลือเท่าไร'],
    ['how much credit left'],
    ['what is my balance'],
    ['ขอดูเครดิตคงเหลือ'],
    ['เครดิตมีเท่าไหร่'],
    ['เหลือเงินในระบบเท่าไหร่คะ'],
  ])('%s → balance', (text) => {
    expect(parse(text).intent).toBe('balance');
  });

  it.each<[string, Intent]>([
    ['ราคาเท่าไหร่', 'unknown'],
    ['เติมเครดิต 500', 'topup'],
    ['ทรู 100 เหลือกี่วัน', 'topup'],
  ])('%s → %s, not balance', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });
});
