import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.ts';
import type { Network } from '../../src/networks.ts';

/** refiners/weak-network.ts: brand words with another everyday sense. */
describe('look-alikes: brand words in another sense', () => {
  it.each([
    ['ฟีลเหมือนวันจันทร์เลย', 'ฟีล: feel'],
    ['วันนี้ไม่ค่อยมีฟีลทำงาน', 'ฟีล: feel'],
    ['น้องมายฝากบอกว่าขอบคุณค่ะ', 'มาย: a nickname'],
    ['มายเป็นเพื่อนสนิท', 'มาย: a nickname'],
    ['พี่แคทอยู่ไหม', 'แคท: a nickname'],
    ['เอไอสมัยนี้เก่งมาก', 'เอไอ: AI'],
    ['ลองใช้ ChatGPT กับเอไอตัวอื่น', 'เอไอ: AI'],
    ['เพนกวินตัวนี้น่ารักจัง', 'a real penguin'],
    ['ตุ๊กตาเพนกวิน 2 ตัว', 'a toy penguin'],
    ['โอนทรูมันนี่ให้แล้วนะ', 'TrueMoney'],
    ['ดูซีรีส์ทรูไอดี', 'TrueID'],
    ['สมัครทรูวิชั่นส์', 'TrueVisions'],
    ['happy weekend ค่ะ', 'happy: a wish'],
    ['วันนี้แฮปปี้สุดๆ', 'แฮปปี้: happy'],
    ['is it true?', 'true: English'],
    ['my cat is sick', 'my cat: a cat'],
    ['แคทไปไหนมา', 'แคท: a nickname'],
  ])('%s has no network (%s)', (text) => {
    expect(parse(text).network).toBeNull();
  });

  it.each<[string, Network]>([
    ['มายค่ะ', 'MY'],
    ['ฟีลส์ 100 0812345678', 'FEELS'],
    ['เติมเพนกวิน 50', 'PENGUIN'],
    ['ค่ายมาย 100 บาท', 'MY'],
    ['เติมให้แม่ มาย 100', 'MY'],
    ['happy 0898765432 50', 'DTAC'],
    ['เติม cat 100', 'MY'],
    ['true 50 0812345678 ค่ะ', 'TRUE'],
  ])('%s → %s', (text, network) => {
    expect(parse(text).network).toBe(network);
  });

  it.each<[string, Network[]]>([
    ['ais กับ true อันไหนดี', ['AIS', 'TRUE']],
    ['ดีแทคหรือมายดีคะ', ['DTAC', 'MY']],
  ])('%s: listed with another network, both count', (text, networks) => {
    const r = parse(text);
    expect(r.network).toBeNull();
    expect(r.candidates.networks).toEqual(networks);
  });

  it.each<[string, Network]>([
    ['เติมเงินให้น้องมาย 0812345678 ทรู 50', 'TRUE'],
    ['เติมทรู 50 ให้พี่แคท', 'TRUE'],
  ])('%s: a nickname beside a real network leaves it alone', (text, network) => {
    const r = parse(text);
    expect(r.network).toBe(network);
    expect(r.flags.ambiguousNetwork).toBe(false);
  });
});
