import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { parsePromptPayId } from '../../src/config/promptpay-id.ts';

describe('PromptPay id', () => {
  it('reads phones, and 13-digit ids with a valid check digit', () => {
    expect(parsePromptPayId('081 234 5678')).toBe('0812345678');
    expect(parsePromptPayId('1-1012-00001-28-9')).toBe('1101200001289');
    expect(() => parsePromptPayId('1101200001285')).toThrow(/check digit/);
  });

  it('a wrong id names PROMPTPAY_ID', () => {
    expect(() => loadConfig({ PROMPTPAY_ID: '12345' })).toThrow(/PROMPTPAY_ID must be a 10-digit mobile number/);
    expect(() => loadConfig({ PROMPTPAY_ID: '1101200001285' })).toThrow(/PROMPTPAY_ID must be a valid national or tax id/);
  });
});
