/**
 * The composition root: config → database → the outside world (provider, LINE) → services →
 * HTTP → background workers. Each service is built once, in the order it is needed, and passed
 * down. `startBot` is what `npm start` runs and what end-to-end tests start in-process.
 */
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { openDatabase, openPostgres, type Database } from './db/client.ts';
import { startDemoWorld, type DemoWorld } from './demo/index.ts';
import { dispatchEvent } from './bot/dispatch.ts';
import { createBackground } from './bot/background.ts';
import { reportAbandonedEvent } from './bot/gave-up.ts';
import { createIntake } from './bot/intake.ts';
import { finishAnswer } from './bot/respond.ts';
import { renderCustomerNews } from './bot/order-news.ts';
import { createHttpApp } from './http/app.ts';
import { listenStarting } from './http/listen.ts';
import { createLineClient } from './line/client.ts';
import type { Logger } from './log.ts';
import { createMetrics } from './metrics.ts';
import { createOrderService } from './orders/service.ts';
import { createOutbox } from './outbox/index.ts';
import { createOwnerModule, renderOwnerNews } from './owner/index.ts';
import { createProviderClient } from './provider/client.ts';
import { depositQrImage, depositSlipImage } from './wallet/files.ts';
import { createWorkers, type WorkerName } from './workers.ts';

export type { WorkerName } from './workers.ts';

export interface RunningBot {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  database: Database;
  /** Demo mode only. */
  simulator?: DemoWorld['simulator'];
  lineStandin?: DemoWorld['lineStandin'];
  /**
   * Runs one round of a background worker now, after the round in progress (if any), and
   * resolves when it has ended: tests step time-driven work with it instead of waiting.
   */
  tick(worker: WorkerName): Promise<void>;
  /** Stops accepting, finishes in-flight work, stops workers, closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  /** Overrides config.port (tests pass 0). */
  port?: number;
  /** Background loop cadence; tests shorten it. */
  sweepIntervalMs?: number;
  /**
   * The background workers: `true` (default) on their timers; `'manual'` only when kicked
   * (something was queued) or stepped with `tick()`; `false` not at all.
   */
  workers?: boolean | 'manual';
  /** The calendar for the owners' summaries (default the system clock). */
  clock?: Clock;
  /** PostgreSQL only: called with every statement sent (the benchmarks count round trips). */
  onStatement?: (text: string) => void;
}

export async function startBot(config: Config, options: StartOptions): Promise<RunningBot> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const intervalMs = options.sweepIntervalMs ?? 2_000;

  // The database before the port: a second bot on a DATA_DIR in use stops here, at the lock,
  // before it takes (or fails to take) a port.
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir, onStatement: options.onStatement });
  // Then listen (answering 503 until ready): the demo's simulator needs our port for its callbacks.
  const server = await listenStarting(options.port ?? config.port).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const url = `http://127.0.0.1:${server.port}`;

  logger.info(
    database.driver === 'pglite' ? { dataDir: config.database.dataDir } : {},
    database.driver === 'pglite'
      ? 'storage: embedded PGlite (single-instance storage; set DATABASE_URL for PostgreSQL)'
      : 'storage: PostgreSQL',
  );
  await database.migrate();
  const { db } = database;

  // The outside world: the real provider and LINE, or the demo's stand-ins for both.
  const demo = config.demo
    ? await startDemoWorld({
        config,
        logger,
        callbackUrl: `${url}/topup/callback/${config.provider.callbackSecret}`,
        webhookUrl: `${url}/webhook`,
        emulatorUrl: `http://localhost:${server.port}/dev`,
      })
    : undefined;
  const providerUrl = demo?.providerUrl ?? config.provider.url;
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
  const line = createLineClient({
    channelAccessToken: config.line.channelAccessToken,
    apiBaseUrl: demo?.lineApiUrl ?? config.line.apiBaseUrl,
    dataApiBaseUrl: demo?.lineApiUrl ?? config.line.dataApiBaseUrl,
  });
  const publicUrl = choosePublicUrl(config, server.port, url, logger);

  // The services, each built once and passed down.
  const outbox = createOutbox({ db, line, logger, metrics, ownerGroupIds: config.owner.groupIds, intervalMs });
  const announcer = { customer: renderCustomerNews, owners: renderOwnerNews };
  const orders = createOrderService({ db, provider, config, logger, metrics, outbox, announcer });
  const owner = createOwnerModule({ db, provider, line, config, logger, metrics, outbox, orders, publicUrl, clock });
  const background = createBackground(logger);
  const botDeps = { db, line, config, logger, metrics, outbox, orders, publicUrl, background, groups: owner.groups };
  // The acknowledgement's INSERT gets a connection of its own, never queued behind processing.
  const inboxDatabase = config.database.url ? openPostgres(config.database.url, { max: 1, onStatement: options.onStatement }) : undefined;
  const intake = createIntake({
    db,
    inboxDb: inboxDatabase?.db,
    logger,
    metrics,
    handle: (event) => dispatchEvent(botDeps, event),
    resume: (row) => finishAnswer(botDeps, row),
    giveUp: (row) => reportAbandonedEvent(botDeps, row),
  });

  let ready = false;
  server.serve(
    createHttpApp({
      logger,
      metrics,
      metricsAccess: config.metrics,
      channelSecret: config.line.channelSecret,
      callbackSecret: config.provider.callbackSecret,
      isReady: () => ready,
      ping: database.ping,
      acceptEvents: intake.accept,
      images: { qr: (token) => depositQrImage(db, token), slip: (token) => depositSlipImage(db, token) },
      acceptCallback: async (form) => (await orders.handleCallback(form)) !== 'malformed',
      dev: demo?.routes,
    }),
  );

  const workers = [outbox.loop, ...createWorkers({ config, logger, intervalMs, orders, owner, sweepInbox: intake.sweep, claimInbox: intake.claim })];
  const schedule = options.workers ?? true;
  if (schedule !== false) for (const worker of workers) worker.start(schedule === 'manual' ? 'manual' : 'timed');
  ready = true;
  logger.info({ url, port: server.port }, 'bot ready');

  return {
    url,
    port: server.port,
    database,
    simulator: demo?.simulator,
    lineStandin: demo?.lineStandin,
    tick(name) {
      const worker = workers.find((w) => w.name === name);
      return worker ? worker.runNow() : Promise.reject(new Error(`no worker named ${name}`));
    },
    async close() {
      ready = false;
      await server.close();
      await intake.drain();
      await background.drain();
      await Promise.all(workers.map((worker) => worker.stop()));
      await demo?.close();
      await inboxDatabase?.close();
      await database.close();
    },
  };
}

/** Where LINE fetches the images the bot serves (deposit QR codes, slips). Demo: this machine. */
function choosePublicUrl(config: Config, port: number, url: string, logger: Logger): string {
  const publicUrl = config.payments.publicUrl ?? (config.demo ? `http://localhost:${port}` : url);
  if (config.paymentMode === 'wallet' && !config.payments.publicUrl && !config.demo) {
    logger.warn({ publicUrl }, 'PUBLIC_URL is not set: deposit QR codes point at this machine, which LINE cannot reach');
  }
  if (config.paymentMode === 'wallet' && !config.payments.promptPayId) {
    logger.warn('PROMPTPAY_ID is not set: customers cannot deposit credit');
  }
  logger.info({ paymentMode: config.paymentMode }, `payment mode: ${config.paymentMode}`);
  return publicUrl;
}
