/**
 * Provider amounts are decimal baht strings ("12.50", "1,234.5", "0.75"); we keep money as
 * integer satang. Conversion is done on the digits, never through a float, so "0.29" is 29 and
 * not 28.999…
 */

export class MoneyFormatError extends Error {
  override readonly name = 'MoneyFormatError';
}

// Optional sign; an integer part either plain or with correct thousands groups; up to any number
// of decimals (digits past the second must be zero: the provider cannot charge half a satang).
const DECIMAL = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** "1,234.5" → 123450. Throws MoneyFormatError on anything that is not a plain decimal amount. */
export function parseSatang(input: string): number {
  const text = input.trim();
  const m = DECIMAL.exec(text);
  if (!m) throw new MoneyFormatError(`not a decimal amount: ${JSON.stringify(input.slice(0, 40))}`);
  const [, sign, intPart = '', fracPart = ''] = m;
  if (/[1-9]/.test(fracPart.slice(2))) {
    throw new MoneyFormatError(`amount has sub-satang digits: ${JSON.stringify(text)}`);
  }
  const digits = intPart.replace(/,/g, '') + fracPart.slice(0, 2).padEnd(2, '0');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) throw new MoneyFormatError(`amount out of range: ${JSON.stringify(text)}`);
  return sign && value !== 0 ? -value : value;
}

/** 123450 → "1234.50" (no thousands separator: this is the wire format, not a display format). */
export function formatSatang(satang: number): string {
  if (!Number.isSafeInteger(satang)) throw new RangeError(`satang must be a safe integer: ${satang}`);
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(satang);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
