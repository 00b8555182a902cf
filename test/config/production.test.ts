import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const production = {
  NODE_ENV: 'production',
  LINE_CHANNEL_SECRET: 'line-secret-value',
  LINE_CHANNEL_ACCESS_TOKEN: 'line-token-value',
  TOPUP_API_URL: 'https://provider.example/topup/api/v2.php',
  TOPUP_USERNAME: 'shop',
  TOPUP_PASSWORD: 'provider-password',
  TOPUP_CALLBACK_SECRET: 'callback-secret-value',
  PROMPTPAY_ID: '0812345678',
  PUBLIC_URL: 'https://bot.example',
};
const STAFF = 'U0123456789abcdef0123456789abcdef';

describe('production', () => {
  it.each(['LINE_CHANNEL_SECRET', 'TOPUP_PASSWORD', 'TOPUP_CALLBACK_SECRET'])('production without %s names it', (name) => {
    const env: Record<string, string> = { ...production };
    delete env[name];
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('wallet mode needs PROMPTPAY_ID and an https PUBLIC_URL', () => {
    const { PROMPTPAY_ID: _id, PUBLIC_URL: _url, ...credentials } = production;
    const wallet = (env: Record<string, string>) => loadConfig({ ...credentials, ...env });
    expect(() => wallet({})).toThrow(ConfigError);
    expect(() => wallet({})).toThrow(/PROMPTPAY_ID/);
    expect(() => wallet({ PROMPTPAY_ID: '0812345678' })).toThrow(/PUBLIC_URL/);
    expect(() => wallet({ PROMPTPAY_ID: '0812345678', PUBLIC_URL: 'http://topup.example.com' })).toThrow(/https/);
    const config = wallet({ PROMPTPAY_ID: '081-234-5678', PUBLIC_URL: 'https://topup.example.com/' });
    expect(config.payments).toMatchObject({ promptPayId: '0812345678', publicUrl: 'https://topup.example.com' });
    // open and trusted need neither.
    expect(wallet({ PAYMENT_MODE: 'open' }).paymentMode).toBe('open');
    expect(wallet({ PAYMENT_MODE: 'trusted', TRUSTED_USER_IDS: STAFF }).payments.trustedUserIds).toEqual([STAFF]);
  });
});
