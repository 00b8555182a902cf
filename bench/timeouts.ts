/**
 * `npm run bench:timeouts`: how long the bot takes to give up or let go, measured here rather
 * than asserted in tests (a busy machine stretches them; the tests prove which timer fires):
 * - a refill the provider never answers ends at TOPUP_TIMEOUT_MS (the client's total timeout);
 * - a DNS lookup that never answers ends at the connect timeout, long before the total one;
 * - the simulator's close() ends a hung refill at once;
 * - a bot in demo mode shuts down at once with the emulator's event stream open.
 * Each line: what, the configured limit, and the time taken (median of RUNS, default 5).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createSimulator } from '../src/demo/simulator/index.ts';
import { createLogger } from '../src/log.ts';
import { createProviderClient } from '../src/provider/client.ts';
import { postForm } from '../src/provider/transport.ts';
import { startBot } from '../src/start.ts';
import { percentile } from './support/stats.ts';

const RUNS = Number(process.env.RUNS ?? 5);
const REFILL = { network: 'AIS', number: '0812345678', cash: 50 } as const;

/** Runs `once` RUNS times; it may return the milliseconds of the part that counts, else all of it is timed. */
async function timed(what: string, limit: string, once: () => Promise<unknown>): Promise<void> {
  const took: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const measured = await once().catch(() => undefined);
    took.push(typeof measured === 'number' ? measured : performance.now() - started);
  }
  console.log(`${what.padEnd(58)} limit ${limit.padStart(8)}   took ${percentile(took, 50).toFixed(0).padStart(5)} ms (max ${Math.max(...took).toFixed(0)})`);
}

const client = (url: string, timeoutMs: number) =>
  createProviderClient({ url, username: 'demo', password: 'demo', networkCodes: loadConfig({}).provider.networkCodes, timeoutMs, connectTimeoutMs: 100 });

await timed('a refill the provider never answers', '400 ms', async () => {
  const sim = createSimulator({ username: 'demo', password: 'demo', settleAfterMs: Infinity });
  const url = await sim.listen();
  sim.setFault('hang', { times: 1 });
  try {
    await client(url, 400).refill(REFILL);
  } finally {
    await sim.close();
  }
});

await timed('a DNS lookup that never answers (total timeout 10 min)', '150 ms', () =>
  postForm(new URL('http://provider.example/'), 'x=1', { connectTimeoutMs: 150, timeoutMs: 10 * 60_000, maxBytes: 1000, lookup: () => undefined }),
);

await timed("the simulator's close() with a refill hanging (client 5 s)", 'at once', async () => {
  const sim = createSimulator({ username: 'demo', password: 'demo', settleAfterMs: Infinity });
  const url = await sim.listen();
  sim.setFault('hang');
  const pending = client(url, 5000).refill(REFILL).catch(() => undefined);
  while (sim.refillCount() === 0) await new Promise((r) => setImmediate(r));
  const started = performance.now();
  await sim.close();
  await pending;
  return performance.now() - started;
});

await timed('a demo bot shutting down with /dev/events open', 'at once', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-timeouts-'));
  const bot = await startBot(loadConfig({ DATA_DIR: dataDir }), { logger: createLogger({ level: 'silent' }), port: 0, workers: false });
  await new Promise<void>((resolve) => request(`${bot.url}/dev/events`, (res) => (res.resume(), resolve())).end());
  const started = performance.now();
  await bot.close();
  rmSync(dataDir, { recursive: true, force: true });
  return performance.now() - started;
});
