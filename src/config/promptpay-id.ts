import { InvalidValue } from './errors.ts';

/**
 * A PromptPay id as shops write it (`081-234-5678`, `1 2345 67890 12 1`) → digits. A phone is 10
 * digits starting with 0; a national or tax id is 13 digits whose last digit checks the rest.
 * It lives with config (the bottom layer), so wallet/ gets it already normalised.
 */
export function parsePromptPayId(raw: string): string {
  const digits = raw.replace(/[\s-]/g, '');
  if (/^0\d{9}$/.test(digits)) return digits;
  if (/^\d{13}$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (13 - i);
    if ((11 - (sum % 11)) % 10 === Number(digits[12])) return digits;
    throw new InvalidValue(`must be a valid national or tax id: the check digit of "${raw}" does not match`);
  }
  throw new InvalidValue(`must be a 10-digit mobile number (0812345678) or a 13-digit national/tax id, got "${raw}"`);
}
