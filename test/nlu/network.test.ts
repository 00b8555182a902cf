import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.ts';
import type { Network } from '../../src/networks.ts';

describe('network: names, products and spellings', () => {
  it.each<[string, Network]>([
    ['ais', 'AIS'],
    ['AIS', 'AIS'],
    ['Ais', 'AIS'],
    ['เอไอเอส', 'AIS'],
    ['เอไอเอ็ส', 'AIS'],
    ['one-2-call', 'AIS'],
    ['One-2-Call', 'AIS'],
    ['1-2-call', 'AIS'],
    ['12call', 'AIS'],
    ['12 call', 'AIS'],
    ['วันทูคอล', 'AIS'],
    ['เติมวันทูคอลค่ะ', 'AIS'],
    ['dtac', 'DTAC'],
    ['Dtac', 'DTAC'],
    ['DTAC', 'DTAC'],
    ['ดีแทค', 'DTAC'],
    ['ดีเเทค', 'DTAC'],
    ['dtac happy', 'DTAC'],
    ['ทรู', 'TRUE'],
    ['ทรูมูฟ', 'TRUE'],
    ['ทรูมูฟเอช', 'TRUE'],
    ['ทรูมูฟ เอช', 'TRUE'],
    ['TrueMove H', 'TRUE'],
    ['truemove h', 'TRUE'],
    ['truemove', 'TRUE'],
    ['ทีโอที', 'TOT'],
    ['tot', 'TOT'],
    ['TOT3G', 'TOT'],
    ['tot3g', 'TOT'],
    ['tot 3g', 'TOT'],
    ['my by cat', 'MY'],
    ['My By CAT', 'MY'],
    ['my by nt', 'MY'],
    ['มายบายแคท', 'MY'],
    ['ฟีลส์', 'FEELS'],
    ['feels', 'FEELS'],
    ['FEELS', 'FEELS'],
  ])('%s → %s', (text, network) => {
    const r = parse(text);
    expect(r.network).toBe(network);
    expect(r.sources.network).toBe('network');
  });
});

describe('network: brand words with another sense, alone (a reply) or in a top-up frame', () => {
  it.each<[string, Network]>([
    ['แฮปปี้', 'DTAC'],
    ['เเฮปปี้', 'DTAC'],
    ['happy', 'DTAC'],
    ['true', 'TRUE'],
    ['TRUE', 'TRUE'],
    ['มาย', 'MY'],
    ['มายค่ะ', 'MY'],
    ['ฟีล', 'FEELS'],
    ['เพนกวิน', 'PENGUIN'],
    ['เพนกวิ้น', 'PENGUIN'],
    ['penguin', 'PENGUIN'],
    ['Penguin', 'PENGUIN'],
    ['เอไอ', 'AIS'],
    ['cat', 'MY'],
    ['เติมเอไอ 50', 'AIS'],
    ['เติมฟีล 100 0812345678', 'FEELS'],
    ['happy 50 บาท', 'DTAC'],
    ['true 0812345678', 'TRUE'],
    ['cat 50 บาท 0891234567', 'MY'],
    ['เพนกวิน 100', 'PENGUIN'],
    ['เติมมายร้อยนึง', 'MY'],
  ])('%s → %s', (text, network) => {
    const r = parse(text);
    expect(r.network).toBe(network);
    expect(r.sources.network).toBe('network.weak');
  });
});

describe('network: stuck to other words and digits', () => {
  it.each<[string, Network, number | null]>([
    ['ทรู50', 'TRUE', 50],
    ['เติมทรู50', 'TRUE', 50],
    ['ais50', 'AIS', 50],
    ['50ais', 'AIS', 50],
    ['dtac100บาท', 'DTAC', 100],
    ['ดีแทค100', 'DTAC', 100],
    ['0812345678ais', 'AIS', null],
    ['0812345678ทรู', 'TRUE', null],
    ['ทรู0812345678', 'TRUE', null],
    ['12call50', 'AIS', 50],
    ['1-2-call 100', 'AIS', 100],
    ['tot3g100', 'TOT', 100],
    ['เติมแฮปปี้ห้าสิบ', 'DTAC', 50],
    ['ฟีลส์20', 'FEELS', 20],
  ])('%s → %s, amount %s', (text, network, amount) => {
    const r = parse(text);
    expect(r.network).toBe(network);
    expect(r.amount).toBe(amount);
  });
});

describe('network: things that are not networks', () => {
  it.each([
    ['ทรูมันนี่'],
    ['เติมทรูมันนี่ 100'],
    ['TrueMoney'],
    ['true money wallet'],
    ['ทรูวอลเล็ท'],
    ['หมายเลข'],
    ['มากมาย'],
    ['เงินมายังคะ'],
    ['raise'],
    ['3g'],
    ['ทรูไอดี'],
    ['happy birthday'],
    ['ฟีลลิ่ง'],
  ])('%s has no network', (text) => {
    expect(parse(text).network).toBeNull();
  });

  it('TrueMoney is flagged for the conversation', () => {
    expect(parse('เติมทรูมันนี่ 100').flags.trueMoney).toBe(true);
  });
});

describe('network: English "my"', () => {
  it.each<[string, Network | null]>([
    ['my', 'MY'],
    ['My', 'MY'],
    ['MY', 'MY'],
    ['my ค่ะ', 'MY'],
    ['my ครับ 🙏', 'MY'],
    ['เติม my 50', 'MY'],
    ['0812345678 my', 'MY'],
    ['top up my phone', null],
    ['Top up my phone please', null],
    ['my number is 0812345678', null],
    ['please refill my dtac', 'DTAC'],
    ['topup my true 100', 'TRUE'],
  ])('%s → %s', (text, network) => {
    const r = parse(text);
    expect(r.network).toBe(network);
    if (network === 'MY') expect(r.sources.network).toBe('network.weak');
  });

  it('the possessive is flagged', () => {
    expect(parse('top up my phone').flags.possessiveMy).toBe(true);
  });
});

describe('network: two networks', () => {
  it.each<[string, Network[]]>([
    ['ais หรือ ทรู', ['AIS', 'TRUE']],
    ['ดีแทค ทรู', ['DTAC', 'TRUE']],
    ['เติม ais 50 และ dtac 50', ['AIS', 'DTAC']],
    ['ทรูหรือดีแทคก็ได้', ['TRUE', 'DTAC']],
  ])('%s is ambiguous', (text, candidates) => {
    const r = parse(text);
    expect(r.network).toBeNull();
    expect(r.flags.ambiguousNetwork).toBe(true);
    expect(r.candidates.networks).toEqual(candidates);
  });

  it.each<[string, Network]>([
    ['ais 12call', 'AIS'],
    ['ทรู truemove h', 'TRUE'],
    ['ดีแทค แฮปปี้', 'DTAC'],
  ])('%s names one network twice', (text, network) => {
    const r = parse(text);
    expect(r.network).toBe(network);
    expect(r.flags.ambiguousNetwork).toBe(false);
  });
});

describe('network: negation and correction', () => {
  it.each<[string, Network | null, Network[]]>([
    ['ไม่เอา ais เอา ทรู', 'TRUE', ['AIS']],
    ['ไม่ใช่ ais เป็น ทรู', 'TRUE', ['AIS']],
    ['ais ไม่ใช่ทรู', 'AIS', ['TRUE']],
    ['ไม่เอา ais', null, ['AIS']],
    ['not ais, dtac', 'DTAC', ['AIS']],
    ['ไม่ใช่ ทรู', 'TRUE', []],
  ])('%s → %s (negated %j)', (text, network, negated) => {
    const r = parse(text);
    expect(r.network).toBe(network);
    expect(r.negation.networks).toEqual(negated);
    expect(r.flags.correction).toBe(true);
  });
});
