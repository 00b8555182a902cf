import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfigError, loadConfig } from '../../src/config.ts';

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
const SIX = ['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN', 'TOPUP_API_URL', 'TOPUP_USERNAME', 'TOPUP_PASSWORD', 'TOPUP_CALLBACK_SECRET'];
const STAFF = 'U0123456789abcdef0123456789abcdef';

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('production', () => {
  it('with nothing set names all six credentials and the payment settings in one error', () => {
    const error = configError({ NODE_ENV: 'production' });
    expect(error.problems.map((p) => p.variable)).toEqual([...SIX, 'PROMPTPAY_ID', 'PUBLIC_URL']);
    expect(error.problems[0]!.message).toBe('is required in production: the channel secret (LINE Developers console → your channel → Basic settings)');
    const text = describeConfigError(error);
    expect(text).toMatch(/^The bot cannot start: 8 settings need fixing/);
    for (const variable of SIX) expect(text).toMatch(new RegExp(`^  ${variable} +is required in production: `, 'm'));
  });

  it.each(SIX)('without %s names it', (name) => {
    const env: Record<string, string> = { ...production };
    delete env[name];
    expect(configError(env).problems.map((p) => p.variable)).toEqual([name]);
  });

  it('a half-configured development setup names every missing credential', () => {
    expect(configError({ LINE_CHANNEL_SECRET: 'x', TOPUP_USERNAME: 'shop' }).problems.map((p) => p.variable)).toEqual([
      'LINE_CHANNEL_ACCESS_TOKEN',
      'TOPUP_API_URL',
      'TOPUP_PASSWORD',
      'TOPUP_CALLBACK_SECRET',
    ]);
  });

  it('needs a callback secret of 16 characters and a register code of 12', () => {
    const env = { ...production, TOPUP_CALLBACK_SECRET: 'x'.repeat(15), OWNER_REGISTER_CODE: 'ร้านสมชาย12' };
    expect(configError(env).problems).toEqual([
      { variable: 'TOPUP_CALLBACK_SECRET', message: 'is 15 characters long; production needs at least 16' },
      // Characters, not bytes or UTF-16 units: a Thai code of 11 letters is 11.
      { variable: 'OWNER_REGISTER_CODE', message: 'is 11 characters long; production needs at least 12' },
    ]);
    expect(loadConfig({ ...env, TOPUP_CALLBACK_SECRET: 'x'.repeat(16), OWNER_REGISTER_CODE: 'ร้านสมชาย123' }).owner.registerCode).toBe('ร้านสมชาย123');
    // No register code at all is fine: then only OWNER_GROUP_IDS makes an owners' group.
    expect(loadConfig(production).owner.registerCode).toBeUndefined();
    // Whatever the case of NODE_ENV.
    expect(configError({ ...env, NODE_ENV: 'PRODUCTION' }).problems).toHaveLength(2);
  });

  it('development and tests may use short secrets', () => {
    const config = loadConfig({ ...production, NODE_ENV: 'development', TOPUP_CALLBACK_SECRET: 'c', OWNER_REGISTER_CODE: '1' });
    expect(config.provider.callbackSecret).toBe('c');
  });

  it('wallet mode needs PROMPTPAY_ID and an https PUBLIC_URL', () => {
    const { PROMPTPAY_ID: _id, PUBLIC_URL: _url, ...credentials } = production;
    const wallet = (env: Record<string, string>) => loadConfig({ ...credentials, ...env });
    expect(() => wallet({})).toThrow(/PROMPTPAY_ID/);
    expect(() => wallet({ PROMPTPAY_ID: '0812345678' })).toThrow(/^PUBLIC_URL is required/);
    expect(() => wallet({ PROMPTPAY_ID: '0812345678', PUBLIC_URL: 'http://topup.example.com' })).toThrow(/^PUBLIC_URL must be an https address/);
    const config = wallet({ PROMPTPAY_ID: '081-234-5678', PUBLIC_URL: 'https://topup.example.com/' });
    expect(config.payments).toMatchObject({ promptPayId: '0812345678', publicUrl: 'https://topup.example.com' });
    // open and trusted need neither.
    expect(wallet({ PAYMENT_MODE: 'open' }).paymentMode).toBe('open');
    expect(wallet({ PAYMENT_MODE: 'trusted', TRUSTED_USER_IDS: STAFF }).payments.trustedUserIds).toEqual([STAFF]);
  });
});
