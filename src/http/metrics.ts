/**
 * `GET /metrics` (Prometheus), guarded as config decided (DESIGN §3 Metrics): open, behind
 * `Authorization: Bearer <METRICS_TOKEN>`, or not there at all (404).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { MetricsAccess } from '../config.ts';
import type { Metrics } from '../metrics.ts';

export function metricsRoutes(options: { metrics: Metrics; access: MetricsAccess }): Router {
  const router = Router();
  const { access, metrics } = options;
  // Hidden: no route, so the answer is the same 404 as for any path that does not exist.
  if (access.kind === 'hidden') return router;
  const expected = access.kind === 'token' ? digest(access.token) : undefined;
  router.get('/metrics', async (req, res) => {
    if (expected && !timingSafeEqual(digest(bearerToken(req.headers.authorization)), expected)) {
      res.status(401).set('www-authenticate', 'Bearer realm="metrics"').type('text/plain').send('Unauthorized');
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}

/** `Bearer <token>` (the scheme in any case) → the token; anything else → ''. */
function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(.+?)\s*$/i.exec(header ?? '');
  return match?.[1] ?? '';
}

/** Compare digests: equal length whatever was sent, so timing says nothing about the token. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
