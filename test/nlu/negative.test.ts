import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.ts';

/**
 * Messages that must NOT produce a slot: every false slot is a wrong top-up or a needless
 * question. Each row names the trap.
 */
describe('negative: no slot at all', () => {
  it.each([
    ['ขอบคุณครับ 555', 'laughter is not 555 baht'],
    ['55555', 'laughter alone'],
    ['ฮ่าๆๆ 5555+', 'laughter with plus'],
    ['เรียบร้อยค่ะ', 'เรียบร้อย (done) holds ร้อย'],
    ['เรียบร้อยแล้วค่ะ ขอบคุณนะคะ', 'เรียบร้อย again'],
    ['พรุ่งนี้ 10 โมงนะ', 'a time'],
    ['รอ 5 นาที', 'minutes'],
    ['ร้านเปิด 8:00-20:00', 'opening hours'],
    ['วันที่ 5/12', 'a date'],
    ['เบอร์ 10 หลักใช่ไหม', 'ten digits'],
    ['ส่งมา 2 เบอร์', 'two numbers (count)'],
    ['ข้อ 3', 'an item number'],
    ['iphone 15 pro', 'a phone model'],
    ['ซื้อ a54 มา', 'a model code'],
    ['โปร 30 วัน', 'days of validity'],
    ['เน็ต 15gb', 'data volume'],
    ['ลด 10%', 'a percentage'],
    ['ร้อยละ 5', 'percent in words'],
    ['สามีไม่อยู่', 'สามี (husband) holds สาม'],
    ['สามารถเติมได้เลยไหม', 'สามารถ (can) holds สาม'],
    ['ไปห้างมา', 'ห้าง (mall) holds ห้า'],
    ['นั่งเก้าอี้', 'เก้าอี้ (chair) holds เก้า'],
    ['แสนดีจังเลย', 'แสน as "very"'],
    ['ยี่ห้ออะไรดี', 'ยี่ห้อ (brand) holds ยี่'],
    ['สัมพันธ์ดี', 'สัมพันธ์ holds พัน'],
    ['ผูกพัน', 'ผูกพัน holds พัน'],
    ['พันธุ์ไม้', 'พันธุ์ holds พัน'],
    ['ความหมายคืออะไร', 'หมาย holds มาย'],
    ['มากมายเลย', 'มากมาย holds มาย'],
    ['หมายเลขอะไรคะ', 'หมายเลข holds มาย'],
    ['เงินมายังคะ', 'มายัง (arrived yet) holds มาย'],
    ['ศูนย์บริการทรูอยู่ไหน', 'a service centre, not a top-up'],
    ['ทรูมันนี่', 'a wallet'],
    ['truemoney wallet', 'a wallet in English'],
    ['ทรูไอดี', 'an app'],
    ['รหัส otp 123456', 'an OTP'],
    ['โค้ด 5555', 'a code'],
    ['ref 20240601', 'a reference number'],
    ['เลขพัสดุ TH12345678', 'a parcel number'],
    ['สองสามวันก่อน', '"two or three days ago"'],
    ['ครึ่ง', 'half alone'],
    ['ห้า', 'a lone digit word'],
    ['หนึ่ง', 'a lone digit word'],
    ['100%', 'percentage'],
    ['ตี 5 แล้ว', '5 a.m.'],
    ['happy new year', 'a greeting, not dtac happy'],
    ['happy birthday ค่ะ', 'a greeting, not dtac happy'],
    ['ฟีลลิ่งดี', 'feeling, not feels'],
    ['top up my phone', 'English possessive "my"'],
    ['raise', '"ais" inside an English word'],
    ['this', '"hi" inside an English word'],
    ['3G', 'a brand token, not 3 baht'],
    ['4G 5G', 'brand tokens'],
    ['😀🎉🙏', 'emoji only'],
    ['', 'empty'],
    ['    ', 'blank'],
    ['.', 'punctuation'],
    ['ครับ', 'a particle'],
    ['ค่ะ', 'a particle'],
    ['อากาศร้อนจัง', 'ร้อน (hot) is not ร้อย'],
    ['อร่อยมาก', 'อร่อย (tasty) is not ร้อย'],
  ])('%j: %s', (text) => {
    const r = parse(text);
    expect({ number: r.number, network: r.network, amount: r.amount, candidates: r.amountCandidates }).toEqual({
      number: null,
      network: null,
      amount: null,
      candidates: [],
    });
  });
});

describe('negative: one slot must not leak into another', () => {
  it.each([
    ['0812345678', 'phone digits are not an amount'],
    ['081-234-5678', 'dashed phone digits'],
    ['+66812345678', 'international phone digits'],
    ['021234567', 'a landline is not an amount'],
    ['08123456789', 'eleven digits are not an amount'],
    ['12call', 'digits in a brand'],
    ['1-2-call', 'digits in a brand'],
    ['tot3g', 'digits in a brand'],
  ])('%j has no amount: %s', (text) => {
    expect(parse(text).amount).toBeNull();
  });

  it.each([
    ['เติม 50', 'an amount is not a number'],
    ['1,000', 'grouped amount'],
    ['100000', 'six digits'],
    ['12345678', 'eight digits not starting with 0'],
  ])('%j has no number: %s', (text) => {
    expect(parse(text).number).toBeNull();
  });

  it.each([
    ['เติม 50 บาท 2 รอบ', 50, 'count of times'],
    ['เติม 100 ได้ 30 วันไหม', 100, 'days of validity'],
    ['เติม 50 ได้เน็ต 1gb ไหม', 50, 'data volume'],
    ['ลูกค้าเติม 50 บาทตอนบ่าย 3', 50, 'a time of day'],
    ['เติม 20 บาท x 2 เบอร์', 20, 'count of numbers'],
  ])('%j keeps only the money (%d): %s', (text, amount) => {
    expect(parse(text).amount).toBe(amount);
  });
});

describe('negative: wrong intents', () => {
  it.each([
    ['ไม่ต้องเติมแล้ว', 'cancel', 'contains เติม'],
    ['ห้ามเติมนะ', 'cancel', 'contains เติม'],
    ['เติมเข้ายัง', 'status', 'contains เติม'],
    ['เติมแล้วยังไม่เข้า', 'status', 'contains เติม'],
    ['เติมยังไง', 'help', 'contains เติม'],
    ['สอบถามเพิ่มเติมค่ะ', 'unknown', 'เพิ่มเติม holds เติม'],
    ['สวัสดีครับ', 'unknown', 'a greeting is not help'],
    ['ใช่ไหม', 'unknown', 'a question tag is not a yes'],
    ['not yet', 'unknown', 'English "not" alone is no cancel'],
    ['ไม่ต้องเติม ais นะ เติมทรู', 'topup', 'a negated verb before a slot with a replacement'],
  ])('%j → %s (%s)', (text, intent) => {
    expect(parse(text).intent).toBe(intent);
  });

  it.each([['เบอร์ 10 หลักใช่ไหม'], ['เติมได้เลยไหม']])('%j is a question, not a yes', (text) => {
    expect(parse(text).flags.affirm).toBe(false);
  });
});
