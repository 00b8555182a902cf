import { describe, expect, it } from 'vitest';
import { readThaiNumber, thaiNumberValue } from '../../src/nlu/index.ts';

describe('Thai number words: formal values', () => {
  it.each([
    ['ศูนย์', 0],
    ['หนึ่ง', 1],
    ['สอง', 2],
    ['สาม', 3],
    ['สี่', 4],
    ['ห้า', 5],
    ['หก', 6],
    ['เจ็ด', 7],
    ['แปด', 8],
    ['เก้า', 9],
    ['สิบ', 10],
    ['สิบเอ็ด', 11],
    ['สิบสอง', 12],
    ['สิบห้า', 15],
    ['ยี่สิบ', 20],
    ['ยี่สิบเอ็ด', 21],
    ['ยี่สิบห้า', 25],
    ['สามสิบ', 30],
    ['ห้าสิบ', 50],
    ['เก้าสิบเก้า', 99],
    ['ร้อย', 100],
    ['หนึ่งร้อย', 100],
    ['ร้อยเอ็ด', 101],
    ['หนึ่งร้อยเอ็ด', 101],
    ['หนึ่งร้อยหนึ่ง', 101],
    ['ร้อยสิบ', 110],
    ['ร้อยยี่สิบ', 120],
    ['ร้อยห้าสิบ', 150],
    ['สองร้อย', 200],
    ['สองร้อยห้าสิบ', 250],
    ['สามร้อย', 300],
    ['ห้าร้อย', 500],
    ['ห้าร้อยห้าสิบ', 550],
    ['เก้าร้อยเก้าสิบเก้า', 999],
    ['พัน', 1000],
    ['หนึ่งพัน', 1000],
    ['พันสองร้อย', 1200],
    ['สองพัน', 2000],
    ['สองพันห้าร้อย', 2500],
    ['สามพันสามร้อยสามสิบสาม', 3333],
    ['หมื่น', 10_000],
    ['หนึ่งหมื่น', 10_000],
    ['สองหมื่นห้าพัน', 25_000],
    ['แสน', 100_000],
    ['หนึ่งแสน', 100_000],
    ['ล้าน', 1_000_000],
    ['หนึ่งล้าน', 1_000_000],
    ['สิบเอ็ดล้าน', 11_000_000],
    ['ร้อยนึง', 100],
    ['พันนึง', 1000],
    ['พันครึ่ง', 1500],
    ['ร้อยครึ่ง', 150],
    ['สองพันครึ่ง', 2500],
  ])('%s = %d', (words, value) => {
    expect(thaiNumberValue(words)).toBe(value);
  });
});

describe('Thai number words: colloquial readings', () => {
  it.each([
    ['ร้อยห้า', 105, 150],
    ['พันห้า', 1005, 1500],
    ['สองร้อยห้า', 205, 250],
    ['พันสอง', 1002, 1200],
    ['หนึ่งร้อยห้า', 105, 150],
    ['หมื่นห้า', 10_005, 15_000],
  ])('%s reads %d by the book and %d in speech', (words, formal, colloquial) => {
    const r = readThaiNumber(words, 0);
    expect(r?.value).toBe(formal);
    expect(r?.colloquial).toBe(colloquial);
  });

  it.each([['ห้าสิบ'], ['ร้อยนึง'], ['ร้อยเอ็ด'], ['สิบห้า'], ['สองร้อยห้าสิบ']])('%s has one reading', (words) => {
    expect(readThaiNumber(words, 0)?.colloquial).toBeNull();
  });
});

describe('Thai number words: grammar limits', () => {
  it.each([
    ['เอ็ด', null],         // เอ็ด only after a multiplier
    ['ยี่', null],          // ยี่ only before สิบ
    ['ร้อยพัน', null],      // multipliers must descend
    ['ห้าศูนย์', null],     // digit after digit
    ['สองสาม', null],       // "two or three"
    ['ศูนย์ร้อย', null],
    ['ห้าสิบบาท', null],    // not entirely number words
  ])('%s is not one number', (words, value) => {
    expect(thaiNumberValue(words)).toBe(value);
  });

  it.each([
    ['ห้าสิบบาท', 0, 6, 50],
    ['เติมร้อยนึงค่ะ', 4, 11, 100],
    ['สองสาม', 0, 3, 2],
    ['ยี่ห้อ', 0, -1, null],
  ])('reads the longest valid prefix of %s from %d', (text, start, end, value) => {
    const r = readThaiNumber(text, start);
    if (value === null) expect(r).toBeNull();
    else {
      expect(r?.end).toBe(end);
      expect(r?.value).toBe(value);
    }
  });
});
