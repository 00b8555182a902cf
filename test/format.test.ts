import { describe, expect, it } from 'vitest';
import { formatBaht, formatBangkokTime, formatMobile } from '../src/format.ts';

describe('Thai number formats', () => {
  it.each([
    ['0812345678', '081-234-5678'],
    ['0612345678', '061-234-5678'],
    ['12345', '12345'],
  ])('mobile %s → %s', (input, expected) => expect(formatMobile(input)).toBe(expected));

  it.each([
    [5000, '฿50'],
    [100000, '฿1,000'],
    [123456789, '฿1,234,567.89'],
    [1250, '฿12.50'],
    [0, '฿0'],
    [-150, '-฿1.50'],
  ])('%d satang → %s', (satang, expected) => expect(formatBaht(satang)).toBe(expected));

  it('shows Bangkok time (UTC+7)', () => {
    expect(formatBangkokTime(new Date('2026-11-27T17:05:00Z'))).toBe('28/11/2026 00:05');
  });
});
