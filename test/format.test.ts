import { describe, expect, it } from 'vitest';
import { formatBaht, formatDate, formatDateTime, formatMobile, formatTime } from '../src/format.ts';

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

  it.each([
    // Bangkok is UTC+7: 18:20 UTC on 30 Nov is 01:20 on 1 Dec there.
    ['2026-11-30T18:20:00Z', 'th', '01/12/2569 01:20 น.'],
    ['2026-11-30T18:20:00Z', 'en', '01/12/2026 01:20'],
    ['2026-12-31T17:00:00Z', 'th', '01/01/2570 00:00 น.'],
    ['2026-12-31T16:59:00Z', 'en', '31/12/2026 23:59'],
  ] as const)('%s in %s → %s (Buddhist era in Thai)', (iso, lang, expected) => {
    expect(formatDateTime(new Date(iso), lang)).toBe(expected);
  });

  it('splits into the date and the clock', () => {
    const at = new Date('2026-11-27T17:05:00Z');
    expect(formatDate(at, 'th')).toBe('28/11/2569');
    expect(formatTime(at, 'th')).toBe('00:05 น.');
    expect(formatDate(at, 'en')).toBe('28/11/2026');
    expect(formatTime(at, 'en')).toBe('00:05');
  });
});
