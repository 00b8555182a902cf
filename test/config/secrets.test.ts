import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig, secretsOf } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';

const production = {
  NODE_ENV: 'production',
  LINE_CHANNEL_SECRET: 'line-secret-value',
  LINE_CHANNEL_ACCESS_TOKEN: 'line-token-value',
  TOPUP_API_URL: 'https://provider.example/topup/api/v2.php',
  TOPUP_USERNAME: 'shop',
  TOPUP_PASSWORD: 'provider-password',
  TOPUP_CALLBACK_SECRET: 'callback-secret-value',
  PAYMENT_MODE: 'open',
};

function logged(secrets: string[], write: (logger: ReturnType<typeof createLogger>) => void): string {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
  write(createLogger({ level: 'info', secrets, destination: sink }));
  return lines.join('');
}

describe('secrets', () => {
  it('scrubs real secrets from every log line, but not the public demo values', () => {
    const config = loadConfig(production);
    const line = logged(secretsOf(config), (logger) =>
      logger.info({ url: `https://x/topup/callback/${config.provider.callbackSecret}` }, `token ${config.line.channelAccessToken}`),
    );
    expect(line).not.toContain('callback-secret-value');
    expect(line).not.toContain('line-token-value');
    expect(line).toContain('[redacted]');
    expect(secretsOf(loadConfig({}))).toEqual([]);
  });

  it('lists secrets of any length, the metrics token and the register code too', () => {
    const config = loadConfig({ ...production, NODE_ENV: 'development', TOPUP_PASSWORD: 'pw', OWNER_REGISTER_CODE: '7', METRICS_TOKEN: 'scrape' });
    expect(secretsOf(config).sort()).toEqual(['7', 'callback-secret-value', 'line-secret-value', 'line-token-value', 'pw', 'scrape']);
  });

  it('a real bot whose password is a demo value still has it scrubbed', () => {
    expect(secretsOf(loadConfig({ ...production, TOPUP_PASSWORD: 'demo' }))).toContain('demo');
    // In demo mode the same word is public, and a real secret set beside it is not.
    expect(secretsOf(loadConfig({ TOPUP_CALLBACK_SECRET: 'my-own-secret' }))).toEqual(['my-own-secret']);
  });

  it('a 2-character password is scrubbed from a log line without mangling the rest', () => {
    const config = loadConfig({ ...production, NODE_ENV: 'development', TOPUP_PASSWORD: 'q7' });
    const line = logged(secretsOf(config), (logger) => logger.warn({ form: 'username=shop&password=q7&amount=1' }, 'provider said q7 is wrong (q7x, aq7 are other words)'));
    const entry = JSON.parse(line) as Record<string, unknown>;
    expect(entry.form).toBe('username=shop&password=[redacted]&amount=1');
    expect(entry.msg).toBe('provider said [redacted] is wrong (q7x, aq7 are other words)');
  });
});
