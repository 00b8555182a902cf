/**
 * An evenly paced, open-loop sender: request i leaves at start + i/rate whatever happened to
 * the earlier ones (each on its own keep-alive socket from a large pool), so a slow answer
 * never holds the next request back. Latency is counted from the *scheduled* send time, so any
 * lateness of this sender is charged to the result rather than hidden (no coordinated
 * omission). autocannon's own rate limit sends each connection's quota in a burst at the top of
 * every second, which inflates p99 even for a bare endpoint; hence this.
 */
import http from 'node:http';
import type { SignedBody } from './events.ts';
import { now } from './events.ts';

export interface PacedResult {
  sent: number;
  ok: number;
  failed: number;
  /** Per request, ms from scheduled send to the end of the response. */
  latencies: number[];
  /** Largest delay between a request's scheduled and actual send, ms. */
  maxLateMs: number;
  durationMs: number;
}

export async function pacedRun(options: {
  url: string;
  ratePerSec: number;
  durationMs: number;
  next: () => SignedBody;
}): Promise<PacedResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round((options.ratePerSec * options.durationMs) / 1000);
  const gap = 1000 / options.ratePerSec;
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  let maxLate = 0;
  const inflight: Promise<void>[] = [];

  const send = (due: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const { body, signature } = options.next();
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-line-signature': signature },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(now() - due);
            if (res.statusCode === 200) ok++;
            else failed++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        failed++;
        resolve();
      });
      req.end(body);
    });

  const start = now() + 5;
  for (let i = 0; i < total; i++) {
    const due = start + i * gap;
    const wait = due - now();
    if (wait >= 1) await new Promise((r) => setTimeout(r, Math.floor(wait)));
    // setTimeout wakes up to ~1 ms early or late; never send early.
    while (now() < due) await new Promise((r) => setImmediate(r));
    maxLate = Math.max(maxLate, now() - due);
    inflight.push(send(due));
  }
  await Promise.all(inflight);
  agent.destroy();
  return { sent: total, ok, failed, latencies, maxLateMs: maxLate, durationMs: now() - start };
}
