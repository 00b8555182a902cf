import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from '../src/config.ts';
import { createLogger } from '../src/log.ts';

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

describe('configuration', () => {
  it('runs in demo mode with nothing configured', () => {
    const config = loadConfig({});
    expect(config.demo).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
  });

  it.each(['LINE_CHANNEL_SECRET', 'TOPUP_PASSWORD', 'TOPUP_CALLBACK_SECRET'])('production without %s names it', (name) => {
    const env: Record<string, string> = { ...production };
    delete env[name];
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('refuses nonsense with a message that names the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ ALLOWED_AMOUNTS: '10,ห้าสิบ' })).toThrow(/ALLOWED_AMOUNTS/);
    expect(() => loadConfig({ TOPUP_NETWORK_CODES: 'NOKIA=9' })).toThrow(/TOPUP_NETWORK_CODES/);
  });

  it('keeps only the origin of the LINE API URL', () => {
    expect(loadConfig({ LINE_API_BASE_URL: 'http://127.0.0.1:4000' }).line.apiBaseUrl).toBe('http://127.0.0.1:4000');
  });

  it('scrubs real secrets from every log line, but not the public demo values', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
    const config = loadConfig(production);
    const logger = createLogger({ level: 'info', secrets: secretsOf(config), destination: sink });
    logger.info({ url: `https://x/topup/callback/${config.provider.callbackSecret}` }, `token ${config.line.channelAccessToken}`);
    expect(lines.join('')).not.toContain('callback-secret-value');
    expect(lines.join('')).not.toContain('line-token-value');
    expect(lines.join('')).toContain('[redacted]');
    expect(secretsOf(loadConfig({}))).toEqual([]);
  });
});
