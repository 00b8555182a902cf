import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const CREDENTIALS = {
  LINE_CHANNEL_SECRET: 'line-secret-value',
  LINE_CHANNEL_ACCESS_TOKEN: 'line-token-value',
  TOPUP_API_URL: 'https://provider.example/topup/api/v2.php',
  TOPUP_USERNAME: 'shop',
  TOPUP_PASSWORD: 'provider-password',
  TOPUP_CALLBACK_SECRET: 'callback-secret-value',
  PAYMENT_MODE: 'open',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('runs in demo mode with nothing configured', () => {
    const config = loadConfig({});
    expect(config.demo).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
  });

  it('treats blank values as unset, as in a copied .env.example', () => {
    expect(loadConfig({ PORT: '', NODE_ENV: '', LINE_CHANNEL_SECRET: ' ', TOPUP_TIMEOUT_MS: '' })).toMatchObject({ demo: true, port: 3000 });
  });

  it('refuses nonsense with a message that names the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ ALLOWED_AMOUNTS: '10,ห้าสิบ' })).toThrow(/ALLOWED_AMOUNTS/);
    expect(() => loadConfig({ TOPUP_NETWORK_CODES: 'NOKIA=9' })).toThrow(/TOPUP_NETWORK_CODES/);
  });

  it('reports every problem in one error, one line per variable', () => {
    const env = { PORT: '99999', TOPUP_TIMEOUT_MS: 'soon', LOG_LEVEL: 'loud', DEPOSIT_MIN_BAHT: '500', DEPOSIT_MAX_BAHT: '100', ALLOWED_AMOUNTS_TRUE: '0' };
    expect(problemsOf(env)).toEqual(['PORT', 'LOG_LEVEL', 'TOPUP_TIMEOUT_MS', 'ALLOWED_AMOUNTS_TRUE', 'DEPOSIT_MIN_BAHT']);
    expect(() => loadConfig(env)).toThrow(/^PORT must .*\nLOG_LEVEL must .*\nTOPUP_TIMEOUT_MS must .*\nALLOWED_AMOUNTS_TRUE must .*\nDEPOSIT_MIN_BAHT must .*$/);
  });

  it('two problems with one variable share its line', () => {
    const env = { NODE_ENV: 'production', ...CREDENTIALS, TOPUP_CALLBACK_SECRET: 'a/b' };
    expect(() => loadConfig(env)).toThrow(/^TOPUP_CALLBACK_SECRET may contain only .*; is 3 characters long; production needs at least 16$/);
  });

  it('reads NODE_ENV in any case, and refuses values it does not know', () => {
    expect(loadConfig({ NODE_ENV: 'PRODUCTION', ...CREDENTIALS }).env).toBe('production');
    expect(loadConfig({ NODE_ENV: 'Production', ...CREDENTIALS }).demo).toBe(false);
    expect(problemsOf({ NODE_ENV: 'Production' })).toContain('TOPUP_PASSWORD');
    expect(loadConfig({ NODE_ENV: 'Test' }).env).toBe('test');
    // A typo must not quietly run the demo (simulator, public /dev page) on a live server.
    expect(() => loadConfig({ NODE_ENV: 'prod', ...CREDENTIALS })).toThrow(/^NODE_ENV must be one of production, development, test, got "prod"$/);
  });

  it('keeps only the origin of the LINE API URLs: a path, query or trailing slash is dropped', () => {
    expect(loadConfig({ LINE_API_BASE_URL: 'http://127.0.0.1:4000' }).line.apiBaseUrl).toBe('http://127.0.0.1:4000');
    const config = loadConfig({ LINE_API_BASE_URL: 'https://api.line.me/v2/bot/?x=1', LINE_DATA_API_BASE_URL: 'https://api-data.line.me/' });
    expect(config.line.apiBaseUrl).toBe('https://api.line.me');
    expect(config.line.dataApiBaseUrl).toBe('https://api-data.line.me');
  });

  it('opens /metrics outside production unless a token is set; hides it in production without one', () => {
    expect(loadConfig({}).metrics).toEqual({ kind: 'open' });
    expect(loadConfig({ NODE_ENV: 'test', ...CREDENTIALS }).metrics).toEqual({ kind: 'open' });
    expect(loadConfig({ METRICS_TOKEN: 'local-token' }).metrics).toEqual({ kind: 'token', token: 'local-token' });
    expect(loadConfig({ NODE_ENV: 'production', ...CREDENTIALS }).metrics).toEqual({ kind: 'hidden' });
    expect(loadConfig({ NODE_ENV: 'production', ...CREDENTIALS, METRICS_TOKEN: 'scrape-me' }).metrics).toEqual({ kind: 'token', token: 'scrape-me' });
  });
});
