/** Load for the bench: autocannon at a fixed connection count (split over one or more bots). */
import autocannon from 'autocannon';
import type { SignedBody } from './events.ts';

export interface LoadResult {
  /** Requests per second, all targets together. */
  rps: number;
  ok: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
}

/** `connections` spread evenly over `urls`, for `seconds`; each request a fresh signed body. */
export async function hammer(urls: string[], options: { connections: number; seconds: number; next: () => SignedBody }): Promise<LoadResult> {
  const per = Math.max(1, Math.round(options.connections / urls.length));
  const runs = await Promise.all(
    urls.map((url) =>
      autocannon({
        url: `${url}/webhook`,
        connections: per,
        duration: options.seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (req) => {
              const { body, signature } = options.next();
              return { ...req, body, headers: { ...req.headers, 'x-line-signature': signature } };
            },
          },
        ],
      }),
    ),
  );
  const weighted = (pick: (r: autocannon.Result) => number) => {
    const total = runs.reduce((a, r) => a + r['2xx'], 0) || 1;
    return runs.reduce((a, r) => a + pick(r) * r['2xx'], 0) / total;
  };
  return {
    rps: runs.reduce((a, r) => a + r.requests.average, 0),
    ok: runs.reduce((a, r) => a + r['2xx'], 0),
    non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
    errors: runs.reduce((a, r) => a + r.errors, 0),
    p50: weighted((r) => r.latency.p50),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
  };
}
