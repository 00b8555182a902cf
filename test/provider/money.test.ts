import { describe, expect, it } from 'vitest';
import { formatSatang, MoneyFormatError, parseSatang } from '../../src/provider/money.ts';

describe('parseSatang', () => {
  it.each([
    ['12.50', 1250],
    ['1,234.5', 123450],
    ['0.75', 75],
    ['0.29', 29], // 0.29 * 100 is 28.999… as a float
    ['1.15', 115],
    ['10', 1000],
    ['0', 0],
    ['0.00', 0],
    [' 99.9 ', 9990],
    ['1,000,000.01', 100000001],
    ['12.500', 1250], // trailing zeros past the satang are harmless
    ['-5.25', -525],
    ['-0.00', 0],
    ['007.10', 710],
    ['9007199254740.99', 900719925474099],
  ])('%j → %i', (input, satang) => {
    expect(parseSatang(input)).toBe(satang);
  });

  it.each([
    '',
    ' ',
    'abc',
    '12.5.0',
    '1,23.00', // bad grouping
    '1234,567',
    ',100',
    '12.',
    '.5',
    '+5',
    '1e3',
    '12.505', // half a satang
    '0x10',
    'NaN',
    'Infinity',
    '5 baht',
    '๑๒', // Thai digits are not accepted silently
    '99999999999999999999',
  ])('rejects %j', (input) => {
    expect(() => parseSatang(input)).toThrow(MoneyFormatError);
  });
});

describe('formatSatang', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [30, '0.30'],
    [970, '9.70'],
    [123450, '1234.50'],
    [-525, '-5.25'],
  ])('%i → %s', (satang, text) => {
    expect(formatSatang(satang)).toBe(text);
    expect(parseSatang(text)).toBe(satang);
  });

  it('refuses non-integers', () => {
    expect(() => formatSatang(1.5)).toThrow(RangeError);
  });
});
