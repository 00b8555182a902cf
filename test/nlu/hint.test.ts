import { describe, expect, it } from 'vitest';
import { parse } from '../../src/nlu/index.ts';

/** parse(text, hint): what the bot just asked changes how a bare reply reads. */
describe('hint: the bot asked how much', () => {
  it.each([
    ['37', 37],
    ['2567', 2567],
    ['15 ค่ะ', 15],
    ['ห้าสิบ', 50],
    ['100', 100],
  ])('%s → %d', (text, amount) => {
    const r = parse(text, { expecting: 'amount' });
    expect(r.amount).toBe(amount);
    expect(r.intent).toBe('topup');
  });

  it.each([
    ['0812345678', 'phone digits are still a phone'],
    ['ปี 2567', 'a year is still a year'],
    ['2 ทุ่ม', 'a time is still a time'],
    ['ok', 'a yes is no amount'],
  ])('%s has no amount (%s)', (text) => {
    expect(parse(text, { expecting: 'amount' }).amount).toBeNull();
  });

  it.each([['37'], ['2567']])('without the hint %s is nothing', (text) => {
    const r = parse(text);
    expect(r.amount).toBeNull();
    expect(r.intent).toBe('unknown');
  });
});

describe('hint: the bot asked which network', () => {
  it.each([
    ['เอไอ', 'AIS'],
    ['happy', 'DTAC'],
    ['มายค่ะ', 'MY'],
    ['เอาเพนกวินละกัน', 'PENGUIN'],
    ['ฟีลค่ะ ขอบคุณค่ะ', 'FEELS'],
  ])('%s → %s', (text, network) => {
    expect(parse(text, { expecting: 'network' }).network).toBe(network);
  });

  it('a nickname is still a nickname', () => {
    expect(parse('น้องมายบอกให้เติม', { expecting: 'network' }).network).toBeNull();
  });
});

describe('hint: the bot asked for the number', () => {
  it('a number is a number, and a face value volunteered is still an amount', () => {
    expect(parse('089-876-5432', { expecting: 'number' }).number).toBe('0898765432');
    expect(parse('100', { expecting: 'number' }).amount).toBe(100);
  });
});

describe('hint: purity', () => {
  it('the same text and hint give the same result; the hint is not kept', () => {
    const hint = { expecting: 'amount' } as const;
    expect(parse('37', hint)).toEqual(parse('37', hint));
    expect(parse('37').amount).toBeNull();
  });
});
