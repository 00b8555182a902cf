import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.ts';

/** vocabulary/markers.ts: thanks, yes, no and greetings are flags; the intent stays unknown. */
describe('thanks', () => {
  it.each([
    ['ขอบคุณครับ'],
    ['ขอบคุณค่าาา'],
    ['ขอบใจมากนะจ๊ะ'],
    ['ขอบใจจ้า'],
    ['ขอบพระคุณมากค่ะ'],
    ['ขอบคุนค่ะ'],
    ['ขอบคุณมากๆเลยนะคะ'],
    ['ขอบใจหลายๆ'],
    ['thx'],
    ['Thanks!!'],
    ['thank you so much'],
    ['thank u na ka'],
    ['ty'],
    ['tysm'],
    ['แต๊งกิ้วค่ะ'],
    ['khob khun ka'],
    ['ขอบคุณค่ะ 🙏🙏'],
  ])('%s', (text) => {
    const r = parse(text);
    expect(r.flags.thanks).toBe(true);
    expect(r.intent).toBe('unknown');
  });

  it.each([['thankful'], ['ขอบ'], ['ขอบโต๊ะ']])('%s is not thanks', (text) => {
    expect(parse(text).flags.thanks).toBe(false);
  });
});

describe('yes', () => {
  it.each([
    ['ใช่ค่ะ'],
    ['ได้เลย'],
    ['ได้เลยค่ะ'],
    ['ได้ครับ'],
    ['โอเค'],
    ['โอเคค่ะ'],
    ['ok'],
    ['OK ครับ'],
    ['okay'],
    ['okkk'],
    ['ยืนยัน'],
    ['ยืนยันค่ะ'],
    ['จัดไป'],
    ['จัดเลยครับ'],
    ['ตกลงค่ะ'],
    ['ถูกต้องค่ะ'],
    ['yes'],
    ['yep'],
    ['sure'],
    ['confirm'],
    ['คอนเฟิร์มค่ะ'],
    ['เอาเลย'],
    ['ตามนี้เลยค่ะ'],
    ['แม่นแล้ว'],
  ])('%s', (text) => {
    const r = parse(text);
    expect(r.flags.affirm).toBe(true);
    expect(r.intent).toBe('unknown');
  });

  it.each([
    ['ใช่ไหม', 'a question tag'],
    ['ใช่มั้ยคะ', 'a question tag'],
    ['เติมได้เลยไหม', 'a question'],
    ['โอเคไหม', 'asking whether it is OK'],
    ['ยืนยันยังไงคะ', 'asking how to confirm'],
    ['ไม่เคยเติมเลย', 'เคย is not เค'],
    ['okinawa', 'a word that starts with ok'],
    ['yesterday', 'a word that starts with yes'],
  ])('%s is not a yes (%s)', (text) => {
    expect(parse(text).flags.affirm).toBe(false);
  });
});

describe('no', () => {
  it.each([['ไม่ใช่'], ['ไม่ใช่ค่ะ'], ['ผิดค่ะ'], ['no'], ['nope'], ['ไม่ถูก'], ['บ่แม่น'], ['ไม่ช่าย']])('%s', (text) => {
    const r = parse(text);
    expect(r.flags.deny).toBe(true);
    expect(r.flags.affirm).toBe(false);
  });

  it.each([['ไม่ใช่ว่าเติมไม่ได้นะ'], ['nothing'], ['ผิดหวังมาก']])('%s is not a no', (text) => {
    expect(parse(text).flags.deny).toBe(false);
  });
});

describe('greetings', () => {
  it.each([['สวัสดีค่ะ'], ['หวัดดีจ้า'], ['hello'], ['sawasdee ka'], ['ฮัลโหล']])('%s', (text) => {
    const r = parse(text);
    expect(r.flags.greeting).toBe(true);
    expect(r.intent).toBe('unknown');
  });
});
