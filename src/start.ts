/**
 * The composition root: config → database → provider → LINE → HTTP → background workers.
 * `startBot` is what `npm start` runs and what end-to-end tests start in-process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { openDatabase, openPostgres, type Database } from './db/client.ts';
import { createIntake } from './bot/intake.ts';
import { dispatchEvent } from './bot/dispatch.ts';
import { createHttpApp } from './http/app.ts';
import { startDemoWorld, type LineStandin, type Simulator } from './demo/index.ts';
import { createLineClient } from './line/client.ts';
import type { Logger } from './log.ts';
import { startLoop, type Loop } from './loop.ts';
import { createMetrics } from './metrics.ts';
import { handleProviderCallback } from './orders/callback.ts';
import { requestCancel } from './orders/cancel.ts';
import { deliverDueMessages } from './orders/outbox.ts';
import { reconcileOnce } from './orders/reconciler.ts';
import { createOrderService } from './orders/service.ts';
import { createOwnerModule, unknownOrderAlert } from './owner/index.ts';
import { createProviderClient } from './provider/client.ts';
import { depositQrImage, depositSlipImage } from './wallet/files.ts';

export interface RunningBot {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  database: Database;
  /** Demo mode only. */
  simulator?: Simulator;
  lineStandin?: LineStandin;
  /** Stops accepting, finishes in-flight work, stops workers, closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  /** Overrides config.port (tests pass 0). */
  port?: number;
  /** Background loop cadence; tests shorten it. */
  sweepIntervalMs?: number;
  /** Whether to run the background workers (default true). */
  workers?: boolean;
}

export async function startBot(config: Config, options: StartOptions): Promise<RunningBot> {
  const { logger } = options;
  let ready = false;

  // Listen first (answering 503 until ready) so the demo's in-process simulator knows our port.
  const server = createServer((_req, res) => {
    res.statusCode = 503;
    res.end('starting');
  });
  const port = await listen(server, options.port ?? config.port);
  const url = `http://127.0.0.1:${port}`;

  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir });
  logger.info(
    database.driver === 'pglite'
      ? { dataDir: config.database.dataDir }
      : {},
    database.driver === 'pglite'
      ? 'storage: embedded PGlite (single-instance storage; set DATABASE_URL for PostgreSQL)'
      : 'storage: PostgreSQL',
  );
  await database.migrate();

  const demo = config.demo
    ? await startDemoWorld({
        config,
        logger,
        callbackUrl: `${url}/topup/callback/${config.provider.callbackSecret}`,
        webhookUrl: `${url}/webhook`,
        emulatorUrl: `http://localhost:${port}/dev`,
      })
    : undefined;
  const providerUrl = demo?.providerUrl ?? config.provider.url;
  const lineApi = demo?.lineApiUrl ?? config.line.apiBaseUrl;
  const lineDataApi = demo?.lineApiUrl ?? config.line.dataApiBaseUrl;
  if (!providerUrl) throw new Error('TOPUP_API_URL is not set');

  const metrics = createMetrics();
  const provider = createProviderClient({
    url: providerUrl,
    username: config.provider.username,
    password: config.provider.password,
    networkCodes: config.provider.networkCodes,
    timeoutMs: config.provider.timeoutMs,
    connectTimeoutMs: config.provider.connectTimeoutMs,
  });
  const line = createLineClient({ channelAccessToken: config.line.channelAccessToken, apiBaseUrl: lineApi, dataApiBaseUrl: lineDataApi });

  // Where LINE fetches the images the bot serves (deposit QR codes, slips). Demo: this machine.
  const publicUrl = config.payments.publicUrl ?? (config.demo ? `http://localhost:${port}` : url);
  if (config.paymentMode === 'wallet' && !config.payments.publicUrl && !config.demo) {
    logger.warn({ publicUrl }, 'PUBLIC_URL is not set: deposit QR codes point at this machine, which LINE cannot reach');
  }
  if (config.paymentMode === 'wallet' && !config.payments.promptPayId) {
    logger.warn('PROMPTPAY_ID is not set: customers cannot deposit credit');
  }
  logger.info({ paymentMode: config.paymentMode }, `payment mode: ${config.paymentMode}`);

  const loops: Loop[] = [];
  // Queued pushes go out now rather than at the next tick; the loop starts further down.
  let outboxLoop: Loop | undefined;
  const kickOutbox = () => outboxLoop?.kick();
  const orderDeps = { db: database.db, provider, config, logger, metrics, kickOutbox, unknownOrderMessage: unknownOrderAlert };
  const orders = createOrderService(orderDeps);
  const owner = createOwnerModule({ db: database.db, provider, config, logger, metrics, kickOutbox, orders, publicUrl });
  const botDeps = {
    db: database.db,
    line,
    config,
    logger,
    metrics,
    kickOutbox,
    publicUrl,
    orders: {
      submitConfirmed: orders.submitConfirmed,
      answeredByReply: orders.answeredByReply,
      requestCancel: (o: { userId: string }) => requestCancel(orderDeps, o),
    },
    groups: owner.groups,
  };
  // The acknowledgement's INSERT gets connections of its own, never queued behind processing.
  const inboxDatabase = config.database.url ? openPostgres(config.database.url, { max: 2 }) : undefined;
  const intake = createIntake({ db: database.db, inboxDb: inboxDatabase?.db, logger, metrics, handle: (event) => dispatchEvent(botDeps, event) });

  const app = createHttpApp({
    logger,
    metrics,
    channelSecret: config.line.channelSecret,
    callbackSecret: config.provider.callbackSecret,
    isReady: () => ready,
    ping: database.ping,
    acceptEvents: intake.accept,
    images: { qr: (token) => depositQrImage(database.db, token), slip: (token) => depositSlipImage(database.db, token) },
    acceptCallback: async (form) => {
      const outcome = await handleProviderCallback(orderDeps, orders, form);
      return outcome !== 'malformed';
    },
    dev: demo?.routes,
  });
  server.removeAllListeners('request');
  server.on('request', app);

  const interval = options.sweepIntervalMs ?? 2_000;
  if (options.workers !== false) {
    outboxLoop = startLoop({ name: 'outbox', intervalMs: interval, logger, tick: () => deliverDueMessages({ db: database.db, line, logger, metrics }) });
    loops.push(
      outboxLoop,
      startLoop({ name: 'reconciler', intervalMs: interval, logger, tick: () => reconcileOnce(orderDeps, orders) }),
      startLoop({ name: 'inbox-sweep', intervalMs: interval * 5, logger, tick: () => intake.sweep() }),
      // The owners' monitors: every instance ticks; one per interval asks the provider (advisory lock).
      startLoop({
        name: 'network-monitor',
        intervalMs: Math.min(config.owner.networkCheckIntervalMs, interval * 5),
        logger,
        tick: owner.networkTick,
      }),
      startLoop({
        name: 'balance-monitor',
        intervalMs: Math.min(config.owner.balanceCheckIntervalMs, interval * 5),
        logger,
        tick: owner.balanceTick,
      }),
      startLoop({ name: 'daily-summary', intervalMs: interval * 15, logger, tick: owner.summaryTick }),
    );
  }
  ready = true;
  logger.info({ url, port }, 'bot ready');

  return {
    url,
    port,
    database,
    simulator: demo?.simulator,
    lineStandin: demo?.lineStandin,
    async close() {
      ready = false;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await intake.drain();
      await Promise.all(loops.map((loop) => loop.stop()));
      await demo?.close();
      await inboxDatabase?.close();
      await database.close();
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
