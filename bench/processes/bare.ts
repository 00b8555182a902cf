/**
 * The limit of this stack: express + @line/bot-sdk's signature middleware, answering 200 `{}`
 * and doing nothing else. The same framework, the same middleware and the same body limit
 * check as the bot's `/webhook` route (src/http/app.ts), minus the bot.
 */
import type { AddressInfo } from 'node:net';
import { middleware } from '@line/bot-sdk';
import express from 'express';
import { CHANNEL_SECRET } from '../support/events.ts';
import { serveParent } from '../support/child.ts';

const MAX_WEBHOOK_BYTES = 1024 * 1024;
const app = express();
app.disable('x-powered-by');
app.post(
  '/webhook',
  (req, res, next) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_WEBHOOK_BYTES) res.status(413).end();
    else next();
  },
  middleware({ channelSecret: CHANNEL_SECRET }),
  (_req, res) => {
    res.status(200).json({});
  },
);

const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ ready: { url: `http://127.0.0.1:${port}` } });
});

serveParent(
  { mem: () => process.memoryUsage() },
  () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  }),
);
