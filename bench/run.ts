/**
 * `npm run bench`: the numbers behind "fast" (DESIGN §8), reproducible on any machine.
 *
 * Processes (each its own event loop, so no server is measured by a client sharing its loop):
 *   bench (this)  load generators (autocannon; an evenly paced sender) and the report
 *   bare          express + @line/bot-sdk signature middleware answering 200: the stack's limit
 *   bot           the real bot (startBot, NODE_ENV=production) on a scratch PostgreSQL database
 *   bot #2        a second instance on the same database, for the two-instance run only
 *   world         the LINE API stand-in and the provider simulator the bots talk to
 *
 * Each of BENCH_ROUNDS rounds (3) measures the bare endpoint, the bot under saturation
 * (acknowledged and fully handled), the bot at a fixed 300 requests/s, and two bots on one
 * database; every bot figure is a ratio to the bare endpoint of the same round, reported as the
 * median and range of the rounds. Then once: provider callback → push, 30 s of saturation
 * (memory, and the backlog draining from the database), memory after 10,000 events, the NLU.
 * Every phase that loads a bot checks that each of its events was answered exactly once.
 *
 * Environment: BENCH_DATABASE_URL / DATABASE_URL (else 127.0.0.1:5432 topup/topup, else the
 * local cluster is started, else PGlite with a warning), BENCH_ROUNDS (3), BENCH_CONNECTIONS
 * (20), BENCH_SECONDS (10), BENCH_RATE (300), BENCH_SATURATION_SECONDS (30),
 * BENCH_PROFILE=FILE (a CPU profile of the first round's saturated bot), BENCH_BOT_NODE_ARGS
 * (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), BENCH_KEEP=1 keeps the logs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { freePort } from '../test/support/child-bot.ts';
import { runNluBench } from './nlu.ts';
import { paced, saturation, throughput, warmUp, type Paced, type Saturation, type Throughput } from './phases.ts';
import { report, type Round } from './report.ts';
import { npmStartNodeFlags, startChild, type Child } from './support/child.ts';
import { createScratchDatabase, type ScratchDatabase } from './support/database.ts';
import { botEnv, orderStream } from './support/events.ts';
import { hammer } from './support/load.ts';
import { pacedRun } from './support/paced.ts';
import { MemoryWatch, waitForAnswers, type Bot, type Counts, type Rig, type World } from './support/rig.ts';
import { int, mib, ms, ratio, sleep } from './support/stats.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = Number(process.env.BENCH_RATE ?? 300);
const SATURATION_SECONDS = Number(process.env.BENCH_SATURATION_SECONDS ?? 30);
const POOL_SIZE = 500; // rotating customers, each warmed up once (profile cached) before measuring
const CALLBACK_ORDERS = 200;
const CALLBACK_RATE = 40;
const MEMORY_EVENTS = 10_000;
const DRAIN_LIMIT_MS = 120_000;
const TOP_UP_LIMIT_S = 50;

const log = (line: string) => console.log(`[bench] ${line}`);
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

/** Share of all cores busy over `msec`, from /proc/stat (Linux); NaN elsewhere. */
async function machineBusy(msec: number): Promise<number> {
  const read = () => {
    try {
      const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      return { idle: f[3]! + f[4]!, total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return undefined;
    }
  };
  const a = read();
  await sleep(msec);
  const b = read();
  return a && b ? 1 - (b.idle - a.idle) / (b.total - a.total) : Number.NaN;
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  return `${cpu}, ${os.availableParallelism()} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

async function main(): Promise<void> {
  const started = performance.now();
  const tmp = mkdtempSync(join(os.tmpdir(), 'topup-bench-'));
  const children: Child<unknown>[] = [];
  const warnings: string[] = [];
  let database: ScratchDatabase | undefined;
  let sql: postgres.Sql | undefined;
  let watch: MemoryWatch | undefined;

  try {
    const busyBefore = await machineBusy(2000);
    log(`machine: ${machine()}; ${Math.round(busyBefore * 100)}% CPU busy before the bench started`);
    if (busyBefore > 0.25) warnings.push(`the machine was already ${Math.round(busyBefore * 100)}% busy (other processes) when the bench started: every figure below is lower than this machine can do`);
    database = await createScratchDatabase(log);
    if (!database.url) {
      const w = 'no PostgreSQL available (set BENCH_DATABASE_URL, or run as root where pg_ctlcluster exists): the bot ran on embedded PGlite, so the webhook figures are NOT the PostgreSQL figures DESIGN §8 asks for';
      console.log(`\n${'!'.repeat(100)}\nWARNING: ${w}\n${'!'.repeat(100)}\n`);
      warnings.push(w);
    } else {
      log(`PostgreSQL ${database.serverVersion} via ${database.source}; scratch database ${new URL(database.url).pathname.slice(1)}`);
      sql = postgres(database.url, { max: 1, onnotice: () => {} });
    }

    const [botPort, bot2Port] = [await freePort(), await freePort()];
    const world: World = await startChild('world.ts', { env: { BENCH_BOT_URL: `http://127.0.0.1:${botPort}` } });
    children.push(world);
    const startBotProcess = async (port: number, name: string): Promise<Bot> => {
      const bot: Bot = await startChild('bot.ts', {
        logFile: join(tmp, `${name}.log`),
        nodeArgs: [...npmStartNodeFlags(), ...(process.env.BENCH_BOT_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [])],
        // Only what is set here: a DATABASE_URL, PAYMENT_MODE or OWNER_GROUP_IDS of the shell must not leak in.
        cleanEnv: true,
        env: botEnv({
          port,
          databaseUrl: database!.url,
          dataDir: database!.url ? undefined : join(tmp, 'pglite'),
          lineOrigin: world.ready.lineOrigin,
          simulatorUrl: world.ready.simulatorUrl,
          logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
        }),
      });
      children.push(bot);
      return bot;
    };
    const bot = await startBotProcess(botPort, 'bot');
    const bare = await startChild<{ url: string }>('bare.ts');
    children.push(bare);
    log(`bot ${bot.ready.url} (${bot.ready.driver}), bare endpoint ${bare.ready.url}, LINE stand-in ${world.ready.lineOrigin}`);
    const idleRss = (await bot.call<NodeJS.MemoryUsage>('mem')).rss;
    watch = new MemoryWatch(bot).start();
    const rig: Rig = { world, sql, log, warn: (w) => (log(`WARNING: ${w}`), warnings.push(w)) };

    log('NLU: parse() against Intl.Segmenter on the same corpus (bench/nlu.ts)…');
    const nlu = runNluBench();

    const bareStream = orderStream({ pool: 'bare', poolSize: POOL_SIZE });
    const botStream = orderStream({ pool: 'bot', poolSize: POOL_SIZE });
    log(`bot warm-up: each of ${POOL_SIZE} customers orders once (LINE profile fetched and cached, JIT warm)…`);
    await warmUp(rig, bot, { customers: POOL_SIZE, next: botStream, drainLimitMs: DRAIN_LIMIT_MS });
    await hammer([bare.ready.url], { connections: CONNECTIONS, seconds: 2, next: bareStream });

    const rounds: Round[] = [];
    for (let r = 1; r <= ROUNDS; r++) {
      log(`round ${r}/${ROUNDS}: bare endpoint, ${SECONDS} s at ${CONNECTIONS} connections…`);
      const bareRun = await hammer([bare.ready.url], { connections: CONNECTIONS, seconds: SECONDS, next: bareStream });
      log(`bare: ${int(bareRun.rps)} req/s, p50 ${ms(bareRun.p50)}, p99 ${ms(bareRun.p99)}`);

      log(`round ${r}: bot, ${SECONDS} s at ${CONNECTIONS} connections…`);
      const profile = r === 1 ? process.env.BENCH_PROFILE : undefined;
      if (profile) await bot.call('profileStart');
      const one: Throughput = await throughput(rig, [bot], { connections: CONNECTIONS, seconds: SECONDS, drainLimitMs: DRAIN_LIMIT_MS, next: botStream });
      if (profile) {
        await bot.call('profileStop', { file: profile });
        log(`CPU profile of round 1's saturated bot written to ${profile} (npm run bench:profile -- ${profile})`);
      }
      log(
        `bot: acknowledged ${int(one.ack.rps)} req/s (${ratio(one.ack.rps / bareRun.rps)}), full handling ${int(one.handledRps)}/s (${ratio(one.handledRps / bareRun.rps)}); ` +
          `backlog ${int(one.backlogAtEnd)} drained in ${one.drainS.toFixed(1)} s; bot ${one.cost.botCpuMs.toFixed(2)} ms, PG ${one.cost.pgCpuMs?.toFixed(2)} ms, ${one.cost.statements.toFixed(2)} statements per event`,
      );

      log(`round ${r}: bot at a fixed ${RATE} requests/s for ${SECONDS} s (evenly paced, open loop)…`);
      const fixed: Paced = await paced(rig, bot, { rate: RATE, seconds: SECONDS, drainLimitMs: DRAIN_LIMIT_MS, next: botStream });
      log(`fixed ${RATE}/s: ack p50 ${ms(fixed.ackP50)} p99 ${ms(fixed.ackP99)}; event → reply p50 ${ms(fixed.replyP50)} p99 ${ms(fixed.replyP99)}; ${fixed.keptUp ? 'kept up' : `backlog ${fixed.backlog}`}`);

      log(`round ${r}: two bots on one database, ${SECONDS} s at ${CONNECTIONS} connections split between them…`);
      const bot2 = await startBotProcess(bot2Port, `bot2-round${r}`);
      await warmUp(rig, bot2, { customers: POOL_SIZE, next: botStream, drainLimitMs: DRAIN_LIMIT_MS });
      const two: Throughput = await throughput(rig, [bot, bot2], { connections: CONNECTIONS, seconds: SECONDS, drainLimitMs: DRAIN_LIMIT_MS, next: botStream });
      await bot2.stop();
      children.splice(children.indexOf(bot2), 1);
      log(`two bots: acknowledged ${int(two.ack.rps)} req/s, full handling ${int(two.handledRps)}/s (${ratio(two.handledRps / bareRun.rps)}); ${two.once ? `${two.once.once}/${two.once.events} answered once` : ''}`);
      rounds.push({ bare: bareRun, one, fixed, two });
    }

    log(`callback → push: ${CALLBACK_ORDERS} orders through text → confirm card → confirm → pending…`);
    await world.call('prepareOrders', { count: CALLBACK_ORDERS, concurrency: 10 });
    await sleep(500);
    const pushLat = await world.call<number[]>('settleOrders', { ratePerSec: CALLBACK_RATE, timeoutMs: 30_000 });
    const lostPushes = pushLat.filter((v) => !Number.isFinite(v)).length;
    if (lostPushes) warnings.push(`callback → push: ${lostPushes} pushes did not arrive within 30 s`);

    log(`saturation: ${SATURATION_SECONDS} s at ${CONNECTIONS} connections, then the backlog drains from the database…`);
    const sat: Saturation = await saturation(rig, bot, { connections: CONNECTIONS, seconds: SATURATION_SECONDS, drainLimitMs: DRAIN_LIMIT_MS, next: botStream });
    log(`saturation: ${int(sat.ack.ok)} acknowledged; inbox backlog ${sat.inboxAtEnd ?? 'n/a'} at the end, drained in ${sat.drainS.toFixed(1)} s; RSS ${mib(sat.rssBefore)} → peak ${mib(sat.rssPeak)} (V8 heap in use ${mib(sat.heapBefore)} → ${mib(sat.heapAtPeak ?? Number.NaN)})`);

    let counts = await world.call<Counts>('counts');
    if (counts.answers < MEMORY_EVENTS) {
      const rate = Math.min(RATE, 250);
      const missing = Math.min(MEMORY_EVENTS - counts.answers, rate * TOP_UP_LIMIT_S);
      log(`memory: ${int(counts.answers)} events handled so far; sending ${int(missing)} more at ${rate}/s…`);
      const top = await pacedRun({ url: `${bot.ready.url}/webhook`, ratePerSec: rate, durationMs: (missing / rate) * 1000 + 100, next: botStream });
      await waitForAnswers(world, counts.answers + top.ok, DRAIN_LIMIT_MS);
      counts = await world.call<Counts>('counts');
    }
    await sleep(500);
    const rssAfter = await watch.sample();
    watch.stop();
    const busyAfter = await machineBusy(1000);

    const levels = { warn: 0, error: 0 };
    for (const file of ['bot.log', ...Array.from({ length: ROUNDS }, (_, i) => `bot2-round${i + 1}.log`)]) {
      for (const line of readFileSync(join(tmp, file), 'utf8').split('\n')) {
        const level = Number(/"level":(\d+)/.exec(line)?.[1]);
        if (level === 40) levels.warn++;
        if (level >= 50) levels.error++;
      }
    }
    if (levels.error) warnings.push(`the bots logged ${levels.error} errors (rerun with BENCH_KEEP=1 to keep their logs)`);

    const md = report({
      header: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · ${machine()} · ${database.url ? `PostgreSQL ${database.serverVersion}` : 'PGlite (fallback)'} · machine ${Math.round(busyBefore * 100)}% busy before the run, ${Math.round(busyAfter * 100)}% after · ${ROUNDS} rounds · run took ${((performance.now() - started) / 1000).toFixed(0)} s`,
      settings: { connections: CONNECTIONS, seconds: SECONDS, rate: RATE, saturationSeconds: SATURATION_SECONDS, callbackOrders: CALLBACK_ORDERS, callbackRate: CALLBACK_RATE },
      rounds,
      saturation: sat,
      pushLatencies: pushLat,
      nlu,
      memory: { idle: idleRss, peak: watch.peak, after: rssAfter, events: counts.answers },
      logLevels: levels,
      warnings,
    });
    console.log(`\n${md}`);
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'latest.md'), md);
    log('written to bench/results/latest.md');
    if (process.env.BENCH_KEEP) log(`logs kept in ${tmp}`);
  } finally {
    watch?.stop();
    await sql?.end({ timeout: 1 }).catch(() => {});
    for (const child of children.reverse()) await child.stop().catch(() => {});
    await database?.drop().catch((e: unknown) => log(`could not drop the scratch database: ${String(e)}`));
    if (!process.env.BENCH_KEEP) rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
