/**
 * GET /metrics as a Prometheus scraper meets it (DESIGN §3 Metrics): a real bot over real HTTP,
 * in production with and without METRICS_TOKEN, and in demo mode.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startBot, type RunningBot } from '../../src/start.ts';

const PRODUCTION = {
  NODE_ENV: 'production',
  LINE_CHANNEL_SECRET: 'line-secret-value',
  LINE_CHANNEL_ACCESS_TOKEN: 'line-token-value',
  TOPUP_API_URL: 'http://127.0.0.1:9/topup/api/v2.php',
  TOPUP_USERNAME: 'shop',
  TOPUP_PASSWORD: 'provider-password',
  TOPUP_CALLBACK_SECRET: 'callback-secret-value',
  PAYMENT_MODE: 'open',
};
const TOKEN = 'scrape-token-0123456789';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function bot(env: Record<string, string>): Promise<RunningBot> {
  const dataDir = mkdtempSync(join(tmpdir(), 'metrics-'));
  const running = await startBot(loadConfig({ ...env, DATA_DIR: dataDir }), { logger: createLogger({ level: 'silent' }), port: 0, workers: false });
  cleanups.push(async () => {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return running;
}

const scrape = (bot: RunningBot, authorization?: string) =>
  fetch(`${bot.url}/metrics`, { headers: authorization ? { authorization } : {} });

describe('GET /metrics', () => {
  it('in production with METRICS_TOKEN: only the bearer of the token gets the metrics', async () => {
    const b = await bot({ ...PRODUCTION, METRICS_TOKEN: TOKEN });
    for (const authorization of [undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN, 'Bearer ']) {
      const res = await scrape(b, authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await res.text()).not.toContain('topup_');
    }
    for (const authorization of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`]) {
      const res = await scrape(b, authorization);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toContain('topup_webhook_events_total');
    }
    expect((await fetch(`${b.url}/healthz`)).status).toBe(200);
  });

  it('in production without METRICS_TOKEN: not there at all', async () => {
    const b = await bot(PRODUCTION);
    expect((await scrape(b)).status).toBe(404);
    expect((await scrape(b, 'Bearer anything')).status).toBe(404);
  });

  it('in demo mode: open', async () => {
    const b = await bot({});
    const res = await scrape(b);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('topup_webhook_events_total');
  });
});
