import { Router } from 'express';

/**
 * `/healthz` answers 200 only when the bot can do its job: migrations applied, workers
 * started (the `ready` flag) and the database answering right now.
 */
export function healthRoutes(options: { isReady: () => boolean; ping: () => Promise<boolean> }): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    if (!options.isReady()) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    const dbOk = await options.ping();
    res.status(dbOk ? 200 : 503).json({ status: dbOk ? 'ok' : 'database unavailable' });
  });
  return router;
}
