/**
 * Request bodies over their route's limit (DESIGN §3 Body limits), against a real bot process
 * (`src/main.ts` in demo mode, so /dev is there too): a client that keeps sending gets 413 long
 * before it is done, chunked or not, with or without a signature, and the bot's memory does not
 * grow with what was sent.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childBot, freePort, type ChildBot } from '../support/child-bot.ts';
import { upload } from '../support/upload.ts';

const MiB = 1024 * 1024;
const FLOOD = 20 * MiB;
const DEMO_CALLBACK_SECRET = 'demo-callback-secret';

describe('bodies over the limit, to a running bot', () => {
  let bot: ChildBot;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'body-limits-'));
    // Demo mode: no credentials; PGlite in a folder of its own.
    bot = childBot({ DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' }, await freePort());
    await bot.start();
  });
  afterAll(async () => {
    await bot?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The bot process's resident memory now and at its peak since the last reset (Linux /proc). */
  function memory(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${bot.pid()}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
    return { rss: kib('VmRSS'), peak: kib('VmHWM') };
  }
  /** From now on the peak counts from the current size (`5` → clear_refs: reset the peak). */
  const resetPeak = () => writeFileSync(`/proc/${bot.pid()}/clear_refs`, '5');

  const webhook = (chunked: boolean) =>
    upload(`${bot.url}/webhook`, { totalBytes: FLOOD, chunked, headers: { 'content-type': 'application/json', 'x-line-signature': 'junk' } });
  const callback = (secret: string) =>
    upload(`${bot.url}/topup/callback/${secret}`, { totalBytes: FLOOD, headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  it('/webhook: a 20 MiB chunked body with a junk signature gets 413 before it is all sent', async () => {
    const result = await webhook(true);
    expect(result.status).toBe(413);
    expect(result.finished).toBe(false);
    expect(result.sentBytes).toBeLessThan(FLOOD);
  });

  it('/webhook: a declared Content-Length over 1 MiB gets 413 before it is all sent', async () => {
    const result = await webhook(false);
    expect(result.status).toBe(413);
    expect(result.finished).toBe(false);
  });

  it('the provider callback stops at 16 KiB, on the right secret path and on a wrong one', async () => {
    for (const secret of [DEMO_CALLBACK_SECRET, 'not-the-secret']) {
      const result = await callback(secret);
      expect(result.status, secret).toBe(413);
      expect(result.finished, secret).toBe(false);
    }
    // A callback within the limit is still read (no such order: kept for the owners, 200).
    const ok = await fetch(`${bot.url}/topup/callback/${DEMO_CALLBACK_SECRET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'orderid=999999&status_refill=1&status_cancel=0&realamount=10&detail=ok',
    });
    expect(ok.status).toBe(200);
  });

  it('the /dev emulator API stops at its own limit', async () => {
    const result = await upload(`${bot.url}/dev/api/send`, { totalBytes: FLOOD, headers: { 'content-type': 'application/json' } });
    expect(result.status).toBe(413);
    expect(result.finished).toBe(false);
  });

  it.runIf(process.platform === 'linux')('memory stays flat while floods arrive together', async () => {
    // Warm up (code paths compiled, pools filled), then watch the peak through eight at once.
    await Promise.all([webhook(true), callback(DEMO_CALLBACK_SECRET)]);
    resetPeak();
    const before = memory().rss;
    const results = await Promise.all([...Array.from({ length: 4 }, () => webhook(true)), ...Array.from({ length: 4 }, () => callback(DEMO_CALLBACK_SECRET))]);
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(413));
    // 160 MiB were on their way; holding even one flood would add 20 MiB.
    expect(memory().peak - before).toBeLessThan(FLOOD / 2);
  });
});
