/**
 * `npm run bench`: the numbers behind "fast" (DESIGN §8), reproducible on any machine.
 *
 * Processes (each its own event loop, so no server is measured by a client sharing its loop):
 *   bench (this)  load generators (autocannon; an evenly paced sender) and the report
 *   bare          express + @line/bot-sdk signature middleware answering 200: the stack's limit
 *   bot           the real bot (startBot, NODE_ENV=production) on a scratch PostgreSQL database
 *   world         the LINE API stand-in and the provider simulator the bot talks to
 *
 * Phases: NLU ratio · bare throughput · bot warm-up · bot throughput (acknowledged and fully
 * handled) · bot at a fixed 300 requests/s · provider callback → push · memory after 10,000
 * events. The summary is printed and written to bench/results/latest.md.
 *
 * Environment: BENCH_DATABASE_URL / DATABASE_URL (else 127.0.0.1:5432 topup/topup, else the
 * local cluster is started, else PGlite with a warning), BENCH_CONNECTIONS (20), BENCH_SECONDS
 * (10), BENCH_RATE (300), BENCH_BOT_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"),
 * BENCH_KEEP=1 keeps the bot's log.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { runNluBench } from './nlu.ts';
import { startChild, type Child } from './support/child.ts';
import { createScratchDatabase, type ScratchDatabase } from './support/database.ts';
import { botEnv, orderStream, type SignedBody } from './support/events.ts';
import { freePort } from '../test/support/child-bot.ts';
import { pacedRun } from './support/paced.ts';
import { backendCpuMs } from './support/pgcpu.ts';
import { int, mib, ms, percentile, ratio, sleep } from './support/stats.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 300);
const POOL_SIZE = 500; // rotating customers, each warmed up once (profile cached) before measuring
const CALLBACK_ORDERS = 200;
const CALLBACK_RATE = 40;
const MEMORY_EVENTS = 10_000;
const DRAIN_LIMIT_MS = 60_000;
const TOP_UP_LIMIT_S = 50; // keeps a slow bot (PGlite, a busy machine) within the time budget
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;

const log = (line: string) => console.log(`[bench] ${line}`);
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

type World = Child<{ lineOrigin: string; simulatorUrl: string }>;
type Bot = Child<{ url: string; driver: string }>;
type Counts = { replies: number; pushes: number; refills: number };

/** autocannon at a fixed connection count, a fresh signed body per request. */
function hammer(url: string, seconds: number, next: () => SignedBody): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/webhook`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          const { body, signature } = next();
          return { ...req, body, headers: { ...req.headers, 'x-line-signature': signature } };
        },
      },
    ],
  });
}

/** Samples the bot's memory and the handled-event count while the bench runs. */
class Monitor {
  rssAtTarget: { rss: number; events: number } | undefined;
  peakRss = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  constructor(
    private readonly world: World,
    private readonly bot: Bot,
  ) {}
  start(): void {
    const tick = async () => {
      await this.sample().catch(() => {});
      if (!this.stopped) this.timer = setTimeout(() => void tick(), 250);
    };
    void tick();
  }
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
  async sample(): Promise<{ counts: Counts; mem: NodeJS.MemoryUsage }> {
    const [counts, mem] = await Promise.all([this.world.call<Counts>('counts'), this.bot.call<NodeJS.MemoryUsage>('mem')]);
    this.peakRss = Math.max(this.peakRss, mem.rss);
    if (!this.rssAtTarget && counts.replies >= MEMORY_EVENTS) this.rssAtTarget = { rss: mem.rss, events: counts.replies };
    return { counts, mem };
  }
}

/** Costs of a phase: the bot's CPU clock and the CPU of the PostgreSQL backends serving it (/proc). */
class Meter {
  private constructor(
    private readonly bot: Bot,
    private readonly sql: postgres.Sql | undefined,
  ) {}
  static create(bot: Bot, url: string | undefined): Meter {
    return new Meter(bot, url ? postgres(url, { max: 1, onnotice: () => {} }) : undefined);
  }
  async read(): Promise<{ botCpuMs: number; pgCpuMs?: number }> {
    const cpu = await this.bot.call<NodeJS.CpuUsage>('cpu');
    return { botCpuMs: (cpu.user + cpu.system) / 1000, pgCpuMs: this.sql ? await backendCpuMs(this.sql) : undefined };
  }
  /** Per-event costs between two readings. */
  static perEvent(a: Awaited<ReturnType<Meter['read']>>, b: Awaited<ReturnType<Meter['read']>>, events: number) {
    return {
      botCpuMs: (b.botCpuMs - a.botCpuMs) / events,
      pgCpuMs: a.pgCpuMs !== undefined && b.pgCpuMs !== undefined ? (b.pgCpuMs - a.pgCpuMs) / events : Number.NaN,
    };
  }
  async close(): Promise<void> {
    await this.sql?.end({ timeout: 1 });
  }
}

/** Waits until the world has seen `replies` replies; `at` (performance.now()) is undefined on timeout. */
async function waitForReplies(world: World, replies: number, timeoutMs: number): Promise<{ at?: number; replies: number }> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const c = await world.call<Counts>('counts');
    if (c.replies >= replies) return { at: performance.now(), replies: c.replies };
    if (performance.now() > deadline) return { replies: c.replies };
    await sleep(50);
  }
}

/** Share of all cores busy over `msec`, from /proc/stat (Linux); NaN elsewhere. */
async function machineBusy(msec: number): Promise<number> {
  const read = () => {
    try {
      const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      const idle = f[3]! + f[4]!;
      return { idle, total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return undefined;
    }
  };
  const a = read();
  await sleep(msec);
  const b = read();
  return a && b ? 1 - (b.idle - a.idle) / (b.total - a.total) : Number.NaN;
}

function machine(): string {
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const tmp = mkdtempSync(join(os.tmpdir(), 'topup-bench-'));
  const botLog = join(tmp, 'bot.log');
  const children: Child<unknown>[] = [];
  let database: ScratchDatabase | undefined;
  let meter: Meter | undefined;
  let monitor: Monitor | undefined;
  const warnings: string[] = [];

  try {
    // ------------------------------------------------------------------------------ setup
    const busyBefore = await machineBusy(2000);
    log(`machine: ${machine()}; ${Math.round(busyBefore * 100)}% CPU busy before the bench started`);
    if (busyBefore > 0.25) {
      warnings.push(
        `the machine was already ${Math.round(busyBefore * 100)}% busy (other processes) when the bench started: every figure below is lower than this machine can do`,
      );
    }
    database = await createScratchDatabase(log);
    if (!database.url) {
      const w =
        'no PostgreSQL available (set BENCH_DATABASE_URL, or run as root where pg_ctlcluster exists): the bot ran on embedded PGlite, ' +
        'so the webhook figures are NOT the PostgreSQL figures DESIGN §8 asks for';
      console.log(`\n${'!'.repeat(100)}\nWARNING: ${w}\n${'!'.repeat(100)}\n`);
      warnings.push(w);
    } else {
      log(`PostgreSQL ${database.serverVersion} via ${database.source}; scratch database ${new URL(database.url).pathname.slice(1)}`);
    }

    const botPort = await freePort();
    const world: World = await startChild('world.ts', { env: { BENCH_BOT_URL: `http://127.0.0.1:${botPort}` } });
    children.push(world);
    const bot: Bot = await startChild('bot.ts', {
      logFile: botLog,
      nodeArgs: process.env.BENCH_BOT_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [],
      // Only what is set here: a DATABASE_URL, PAYMENT_MODE or OWNER_GROUP_IDS of the shell must not leak in.
      cleanEnv: true,
      env: botEnv({
        port: botPort,
        databaseUrl: database.url,
        dataDir: database.url ? undefined : join(tmp, 'pglite'),
        lineOrigin: world.ready.lineOrigin,
        simulatorUrl: world.ready.simulatorUrl,
        logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
      }),
    });
    children.push(bot);
    const bare = await startChild<{ url: string }>('bare.ts');
    children.push(bare);
    meter = Meter.create(bot, database.url);
    log(`bot ${bot.ready.url} (${bot.ready.driver}), bare endpoint ${bare.ready.url}, LINE stand-in ${world.ready.lineOrigin}`);
    const idle = await bot.call<NodeJS.MemoryUsage>('mem');

    // ------------------------------------------------------------------------------ NLU
    log('NLU: parse() against Intl.Segmenter on the same corpus (bench/nlu.ts)…');
    const nlu = runNluBench();
    const nluCpu = nlu as { nluPerCpuSecond?: number; icuPerCpuSecond?: number };

    // ------------------------------------------------------------------------------ bare
    log(`bare endpoint: warm-up 2 s, then ${SECONDS} s at ${CONNECTIONS} connections…`);
    const bareStream = orderStream({ pool: 'bare', poolSize: POOL_SIZE });
    await hammer(bare.ready.url, 2, bareStream);
    const bareRun = await hammer(bare.ready.url, SECONDS, bareStream);
    const bareRps = bareRun.requests.average;
    log(`bare: ${int(bareRps)} req/s, p50 ${ms(bareRun.latency.p50)}, p99 ${ms(bareRun.latency.p99)} (non-2xx ${bareRun.non2xx}, errors ${bareRun.errors})`);
    await bare.stop();

    // ------------------------------------------------------------------------------ bot warm-up
    monitor = new Monitor(world, bot);
    monitor.start();
    const botStream = orderStream({ pool: 'bot', poolSize: POOL_SIZE });
    log(`bot warm-up: each of ${POOL_SIZE} customers orders once (LINE profile fetched and cached, JIT warm)…`);
    const warm = await pacedRun({ url: `${bot.ready.url}/webhook`, ratePerSec: 200, durationMs: (POOL_SIZE / 200) * 1000, next: botStream });
    const warmDrain = await waitForReplies(world, warm.ok, DRAIN_LIMIT_MS);
    if (warm.ok !== warm.sent || warmDrain.at === undefined) warnings.push(`warm-up: ${warm.ok}/${warm.sent} acknowledged, ${warmDrain.replies} handled`);

    // ------------------------------------------------------------------------------ bot throughput
    log(`bot throughput: ${SECONDS} s at ${CONNECTIONS} connections…`);
    const before = await world.call<Counts>('counts');
    await world.call('takeReplyLatencies');
    const cost0 = await meter.read();
    const t0 = performance.now();
    const botRun = await hammer(bot.ready.url, SECONDS, botStream);
    const t1 = performance.now();
    const atEnd = await world.call<Counts>('counts');
    const accepted = botRun['2xx'];
    const drained = await waitForReplies(world, before.replies + accepted, DRAIN_LIMIT_MS);
    const cost1 = await meter.read();
    const handledDuringLoad = atEnd.replies - before.replies;
    const backlogAtEnd = accepted - handledDuringLoad;
    const handledDuringRps = handledDuringLoad / ((t1 - t0) / 1000);
    const drainSeconds = drained.at === undefined ? Number.NaN : (drained.at - t1) / 1000;
    // Full handling rate: every acknowledged event, over the time until the last one was handled.
    const handledRps = drained.at === undefined ? (drained.replies - before.replies) / ((performance.now() - t0) / 1000) : accepted / ((drained.at - t0) / 1000);
    const throughputLat = await world.call<number[]>('takeReplyLatencies');
    const throughputCost = Meter.perEvent(cost0, cost1, drained.replies - before.replies);
    const botRps = botRun.requests.average;
    log(
      `bot: acknowledged ${int(botRps)} req/s (non-2xx ${botRun.non2xx}, errors ${botRun.errors}); handled ${int(handledDuringRps)}/s during the load, ` +
        `backlog ${int(backlogAtEnd)} at its end, drained ${drained.at === undefined ? 'NOT within the limit' : `in ${drainSeconds.toFixed(1)} s`}; ` +
        `full handling ${int(handledRps)} events/s`,
    );
    if (drained.at === undefined) warnings.push(`throughput: the backlog did not drain within ${DRAIN_LIMIT_MS / 1000} s (${drained.replies - before.replies}/${accepted} handled)`);

    // ------------------------------------------------------------------------------ fixed rate
    log(`bot at a fixed ${RATE} requests/s for ${SECONDS} s (evenly paced, open loop)…`);
    await sleep(1000);
    const beforeFixed = await world.call<Counts>('counts');
    await world.call('takeReplyLatencies');
    const fcost0 = await meter.read();
    const tf0 = performance.now();
    const fixed = await pacedRun({ url: `${bot.ready.url}/webhook`, ratePerSec: RATE, durationMs: SECONDS * 1000, next: botStream });
    const tf1 = performance.now();
    const atFixedEnd = await world.call<Counts>('counts');
    const fixedDrain = await waitForReplies(world, beforeFixed.replies + fixed.ok, DRAIN_LIMIT_MS);
    const fcost1 = await meter.read();
    const fixedLat = await world.call<number[]>('takeReplyLatencies');
    const fixedCost = Meter.perEvent(fcost0, fcost1, fixedDrain.replies - beforeFixed.replies);
    const fixedHandledRps = (atFixedEnd.replies - beforeFixed.replies) / ((tf1 - tf0) / 1000);
    const fixedBacklog = fixed.ok - (atFixedEnd.replies - beforeFixed.replies);
    // Kept up: at most a quarter second of arrivals still waiting when the sender stopped.
    const keptUp = fixedDrain.at !== undefined && fixedBacklog <= RATE / 4;
    const ackP50 = percentile(fixed.latencies, 50);
    const ackP99 = percentile(fixed.latencies, 99);
    log(
      `fixed ${RATE}/s: ack p50 ${ms(ackP50)} p99 ${ms(ackP99)}; event → reply p50 ${ms(percentile(fixedLat, 50))} p99 ${ms(percentile(fixedLat, 99))}; ` +
        `${fixed.ok}/${fixed.sent} acknowledged; handled ${int(fixedHandledRps)}/s; ${keptUp ? 'kept up' : `backlog ${int(fixedBacklog)} at the end`}; sender late ≤ ${ms(fixed.maxLateMs)}`,
    );

    // ------------------------------------------------------------------------------ callback → push
    log(`callback → push: ${CALLBACK_ORDERS} orders through text → confirm card → confirm → pending…`);
    const prep = await world.call<{ orders: number; ms: number }>('prepareOrders', { count: CALLBACK_ORDERS, concurrency: 10 });
    await sleep(500);
    log(`…prepared in ${(prep.ms / 1000).toFixed(1)} s; the simulator settles them at ${CALLBACK_RATE}/s and POSTs each callback`);
    const pushLat = await world.call<number[]>('settleOrders', { ratePerSec: CALLBACK_RATE, timeoutMs: 30_000 });
    const lostPushes = pushLat.filter((v) => !Number.isFinite(v)).length;
    if (lostPushes) warnings.push(`callback → push: ${lostPushes} pushes did not arrive within 30 s`);

    // ------------------------------------------------------------------------------ memory
    let counts = (await monitor.sample()).counts;
    if (counts.replies < MEMORY_EVENTS) {
      // Just under the bot's full-handling rate, so the events are handled as they come.
      const rate = Math.max(20, Math.min(RATE, Math.floor(Math.max(handledRps, fixedHandledRps) * 0.9)));
      const missing = Math.min(MEMORY_EVENTS - counts.replies, rate * TOP_UP_LIMIT_S);
      log(`memory: ${int(counts.replies)} events handled so far; sending ${int(missing)} more at ${rate}/s…`);
      const top = await pacedRun({ url: `${bot.ready.url}/webhook`, ratePerSec: rate, durationMs: (missing / rate) * 1000 + 100, next: botStream });
      await waitForReplies(world, counts.replies + top.ok, DRAIN_LIMIT_MS);
      counts = (await monitor.sample()).counts;
    }
    await sleep(500);
    const final = await monitor.sample();
    monitor.stop();
    const atTarget = monitor.rssAtTarget ?? { rss: final.mem.rss, events: final.counts.replies };
    if (atTarget.events < MEMORY_EVENTS) warnings.push(`memory: only ${atTarget.events} events were handled`);
    const busyAfter = await machineBusy(1000);

    // ------------------------------------------------------------------------------ report
    const levels = { warn: 0, error: 0 };
    for (const line of readFileSync(botLog, 'utf8').split('\n')) {
      const level = Number(/"level":(\d+)/.exec(line)?.[1]);
      if (level === 40) levels.warn++;
      if (level >= 50) levels.error++;
    }
    if (levels.error) warnings.push(`the bot logged ${levels.error} errors (rerun with BENCH_KEEP=1 to keep its log)`);

    const ackRatio = botRps / bareRps;
    const handledRatio = handledRps / bareRps;
    const costText = (c: ReturnType<typeof Meter.perEvent>) =>
      `bot CPU ${c.botCpuMs.toFixed(2)} ms, PostgreSQL CPU ${Number.isFinite(c.pgCpuMs) ? `${c.pgCpuMs.toFixed(2)} ms` : 'n/a'} per event`;
    const rows: [string, string, string][] = [
      ['Bare endpoint: express + SDK signature check, 200', `${int(bareRps)} req/s`, `${CONNECTIONS} connections, ${SECONDS} s; p50 ${ms(bareRun.latency.p50)}, p99 ${ms(bareRun.latency.p99)}`],
      ['Bot: webhooks acknowledged (stored, 200)', `${int(botRps)} req/s`, `**${ratio(ackRatio)} of bare**; same load; p50 ${ms(botRun.latency.p50)}, p99 ${ms(botRun.latency.p99)}`],
      [
        'Bot: events fully handled (reply reached LINE)',
        `${int(handledRps)} events/s`,
        `**${ratio(handledRatio)} of bare** (target ≥ ${TARGET_RATIO}); ${int(handledDuringRps)}/s while loaded, backlog ${int(backlogAtEnd)} at the end, ` +
          `${drained.at === undefined ? 'not drained' : `drained ${drainSeconds.toFixed(1)} s later`}; event → reply p50 ${ms(percentile(throughputLat, 50))}, p99 ${ms(percentile(throughputLat, 99))}`,
      ],
      ['Bot: cost per handled event', '', costText(throughputCost)],
      [
        `Bot at ${RATE} req/s (paced): acknowledgement`,
        `p50 ${ms(ackP50)}, **p99 ${ms(ackP99)}**`,
        `target p99 ≤ ${TARGET_P99_MS} ms; ${fixed.ok}/${fixed.sent} acknowledged`,
      ],
      [
        `Bot at ${RATE} req/s (paced): event → reply at LINE`,
        `p50 ${ms(percentile(fixedLat, 50))}, p99 ${ms(percentile(fixedLat, 99))}`,
        `handled ${int(fixedHandledRps)}/s: ${keptUp ? 'kept up, no backlog' : `**fell behind**, backlog ${int(fixedBacklog)} at the end`}; ${costText(fixedCost)}`,
      ],
      [
        'Provider callback → push at LINE',
        `p50 ${ms(percentile(pushLat, 50))}, p99 ${ms(percentile(pushLat, 99))}`,
        `${CALLBACK_ORDERS - lostPushes}/${CALLBACK_ORDERS} orders (text → confirm → pending, then the simulator's callback), ${CALLBACK_RATE} callbacks/s`,
      ],
      [
        'NLU parse() vs ICU word segmentation',
        `**${ratio(nlu.ratio)}**`,
        `target ≥ 1.0; ${int(nluCpu.nluPerCpuSecond ?? nlu.nluPerSecond)} vs ${int(nluCpu.icuPerCpuSecond ?? nlu.icuPerSecond)} msg/s${nluCpu.nluPerCpuSecond ? ' per CPU second' : ''}`,
      ],
      [
        `Bot resident memory after ${int(atTarget.events)} events`,
        mib(atTarget.rss),
        `${mib(idle.rss)} idle after start; peak ${mib(monitor.peakRss)}; ${mib(final.mem.rss)} at the end (${int(final.counts.replies)} events)`,
      ],
    ];
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const targets = [
      `Webhook throughput, full handling ≥ ${TARGET_RATIO} of bare: ${verdict(handledRatio >= TARGET_RATIO)} (${ratio(handledRatio)}; acknowledgements alone ${ratio(ackRatio)})`,
      `p99 ≤ ${TARGET_P99_MS} ms at ${RATE} requests/s: ${verdict(ackP99 <= TARGET_P99_MS && keptUp)} (acknowledgement p99 ${ms(ackP99)}; ${keptUp ? 'processing kept up' : 'processing fell behind'}; event → reply p99 ${ms(percentile(fixedLat, 99))})`,
      `NLU ≥ 1.0 × ICU: ${verdict(nlu.ratio >= 1)} (${ratio(nlu.ratio)})`,
    ];

    const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const md = [
      '# Benchmark results (`npm run bench`)',
      '',
      `${date} UTC · ${machine()} · ${database.url ? `PostgreSQL ${database.serverVersion}` : 'PGlite (fallback)'} · ` +
        `machine ${Math.round(busyBefore * 100)}% busy before the run, ${Math.round(busyAfter * 100)}% after · run took ${((performance.now() - started) / 1000).toFixed(0)} s`,
      '',
      '| measure | result | details |',
      '|---|---|---|',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      '',
      '**Targets (DESIGN §8)**',
      '',
      ...targets.map((t) => `- ${t}`),
      ...(warnings.length ? ['', '**Warnings**', '', ...warnings.map((w) => `- ${w}`)] : []),
      '',
      `Bot log: ${levels.warn} warnings, ${levels.error} errors.`,
      '',
    ].join('\n');

    console.log(`\n${md}`);
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'latest.md'), md);
    log('written to bench/results/latest.md');
    if (process.env.BENCH_KEEP) log(`bot log kept at ${botLog}`);
  } finally {
    monitor?.stop();
    await meter?.close().catch(() => {});
    for (const child of children.reverse()) await child.stop().catch(() => {});
    await database?.drop().catch((e: unknown) => log(`could not drop the scratch database: ${String(e)}`));
    if (!process.env.BENCH_KEEP) rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
