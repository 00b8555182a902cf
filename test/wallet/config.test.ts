import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parsePromptPayId } from '../../src/config.ts';

const CREDENTIALS = {
  LINE_CHANNEL_SECRET: 's',
  LINE_CHANNEL_ACCESS_TOKEN: 't',
  TOPUP_API_URL: 'https://provider.example/topup/api/v2.php',
  TOPUP_USERNAME: 'u',
  TOPUP_PASSWORD: 'p',
  TOPUP_CALLBACK_SECRET: 'callback-secret',
};
const production = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'production', ...CREDENTIALS, ...env });
const STAFF = 'U0123456789abcdef0123456789abcdef';

describe('payment settings', () => {
  it('defaults to wallet once credentials are set, and to open in demo mode', () => {
    expect(loadConfig({ NODE_ENV: 'test', ...CREDENTIALS }).paymentMode).toBe('wallet');
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({}).paymentMode).toBe('open');
    expect(loadConfig({ PAYMENT_MODE: 'wallet' }).paymentMode).toBe('wallet');
    expect(loadConfig({ NODE_ENV: 'test', ...CREDENTIALS, PAYMENT_MODE: 'Open' }).paymentMode).toBe('open');
    expect(() => loadConfig({ PAYMENT_MODE: 'free' })).toThrow(/PAYMENT_MODE/);
  });

  it('production wallet mode needs PROMPTPAY_ID and an https PUBLIC_URL', () => {
    expect(() => production({})).toThrow(ConfigError);
    expect(() => production({})).toThrow(/PROMPTPAY_ID/);
    expect(() => production({ PROMPTPAY_ID: '0812345678' })).toThrow(/PUBLIC_URL/);
    expect(() => production({ PROMPTPAY_ID: '0812345678', PUBLIC_URL: 'http://topup.example.com' })).toThrow(/https/);
    const config = production({ PROMPTPAY_ID: '081-234-5678', PUBLIC_URL: 'https://topup.example.com/' });
    expect(config.payments).toMatchObject({ promptPayId: '0812345678', publicUrl: 'https://topup.example.com' });
    // open and trusted need neither.
    expect(production({ PAYMENT_MODE: 'open' }).paymentMode).toBe('open');
    expect(production({ PAYMENT_MODE: 'trusted', TRUSTED_USER_IDS: STAFF }).payments.trustedUserIds).toEqual([STAFF]);
  });

  it('reads PromptPay ids: phones, and 13-digit ids with a valid check digit', () => {
    expect(parsePromptPayId('081 234 5678')).toBe('0812345678');
    expect(parsePromptPayId('1-1012-00001-28-9')).toBe('1101200001289');
    expect(() => parsePromptPayId('1101200001285')).toThrow(/check digit/);
    expect(() => parsePromptPayId('12345')).toThrow(/PROMPTPAY_ID/);
  });

  it('checks TRUSTED_USER_IDS and the deposit limits', () => {
    expect(() => loadConfig({ TRUSTED_USER_IDS: `${STAFF},someone` })).toThrow(/TRUSTED_USER_IDS/);
    expect(loadConfig({ TRUSTED_USER_IDS: ` ${STAFF} , ${STAFF}` }).payments.trustedUserIds).toEqual([STAFF]);
    expect(loadConfig({}).payments).toMatchObject({ depositMinSatang: 2_000, depositMaxSatang: 1_000_000 });
    expect(() => loadConfig({ DEPOSIT_MIN_BAHT: '500', DEPOSIT_MAX_BAHT: '100' })).toThrow(/DEPOSIT_MIN_BAHT/);
  });
});
