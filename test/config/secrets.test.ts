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

describe('secrets', () => {
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
