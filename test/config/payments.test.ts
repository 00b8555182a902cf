import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

const CREDENTIALS = {
  LINE_CHANNEL_SECRET: 's',
  LINE_CHANNEL_ACCESS_TOKEN: 't',
  TOPUP_API_URL: 'https://provider.example/topup/api/v2.php',
  TOPUP_USERNAME: 'u',
  TOPUP_PASSWORD: 'p',
  TOPUP_CALLBACK_SECRET: 'callback-secret',
};
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

  it('checks TRUSTED_USER_IDS and the deposit limits', () => {
    expect(() => loadConfig({ TRUSTED_USER_IDS: `${STAFF},someone` })).toThrow(/TRUSTED_USER_IDS/);
    expect(loadConfig({ TRUSTED_USER_IDS: ` ${STAFF} , ${STAFF}` }).payments.trustedUserIds).toEqual([STAFF]);
    expect(loadConfig({}).payments).toMatchObject({ depositMinSatang: 2_000, depositMaxSatang: 1_000_000 });
    expect(() => loadConfig({ DEPOSIT_MIN_BAHT: '500', DEPOSIT_MAX_BAHT: '100' })).toThrow(/DEPOSIT_MIN_BAHT/);
  });
});
