/**
 * The bench's measurements, one function each; run.ts runs them in rounds and reports.
 *
 * Full handling is always counted at "LINE": an event is handled when the stand-in receives the
 * confirm card answering it (by reply, or by push when its reply token had expired). Every
 * phase that loads the bot also checks that each of its events was answered exactly once.
 */
import type { SignedBody } from './support/events.ts';
import { hammer, type LoadResult } from './support/load.ts';
import { answeredOnce, lastSeq, type OnceVerdict } from './support/once.ts';
import { pacedRun } from './support/paced.ts';
import { MemoryWatch, Meter, waitForAnswers, type Bot, type Cost, type Counts, type Rig } from './support/rig.ts';
import { percentile, sleep } from './support/stats.ts';

export interface Throughput {
  ack: LoadResult;
  /** Acknowledged events over the time until the last one's answer reached LINE. */
  handledRps: number;
  /** Answered while the load ran, per second. */
  handledDuringRps: number;
  backlogAtEnd: number;
  /** Seconds from the end of the load until the last answer; NaN when it did not drain in time. */
  drainS: number;
  replyP50: number;
  replyP99: number;
  cost: Cost;
  once?: OnceVerdict;
}

/**
 * Once every event of the phase is finished (processed, its push if any sent), collects what the
 * world was given and checks each event against it. Events stored but never acknowledged (in
 * flight when the load stopped) count too: they were stored, so they must be answered.
 */
async function verifyOnce(rig: Rig, afterSeq: number, timeoutMs: number): Promise<OnceVerdict | undefined> {
  const sql = rig.sql;
  if (!sql) return undefined;
  const untilSeq = await lastSeq(sql);
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const [left] = await sql<{ events: number; pushes: number }[]>`
      select (select count(*)::int from webhook_events where seq > ${afterSeq} and seq <= ${untilSeq} and processed_at is null and gave_up_at is null) as events,
             (select count(*)::int from outbox where status = 'pending' and next_attempt_at <= now()) as pushes`;
    if ((left!.events === 0 && left!.pushes === 0) || performance.now() > deadline) break;
    await sleep(100);
  }
  await sleep(200); // the last answers on their way to the world
  const delivered = new Map(await rig.world.call<[string, number][]>('takeAnswers'));
  return answeredOnce(sql, { afterSeq, untilSeq }, delivered);
}

/** Saturation: `connections` for `seconds`, spread over `bots`; then until the last answer. */
export async function throughput(
  rig: Rig,
  bots: Bot[],
  options: { connections: number; seconds: number; drainLimitMs: number; next: () => SignedBody },
): Promise<Throughput> {
  const before = await rig.world.call<Counts>('counts');
  await rig.world.call('takeReplyLatencies');
  await rig.world.call('takeAnswers');
  const afterSeq = rig.sql ? await lastSeq(rig.sql) : 0;
  const meter = await Meter.start(bots, rig.sql);
  const t0 = performance.now();
  const ack = await hammer(
    bots.map((b) => b.ready.url),
    options,
  );
  const t1 = performance.now();
  const atEnd = await rig.world.call<Counts>('counts');
  const drained = await waitForAnswers(rig.world, before.answers + ack.ok, options.drainLimitMs);
  const handled = drained.answers - before.answers;
  const cost = await meter.perEvent(handled);
  const lat = await rig.world.call<number[]>('takeReplyLatencies');
  if (drained.at === undefined) rig.warn(`throughput: not drained within ${options.drainLimitMs / 1000} s (${handled}/${ack.ok} answered)`);
  return {
    ack,
    handledRps: drained.at === undefined ? handled / ((performance.now() - t0) / 1000) : ack.ok / ((drained.at - t0) / 1000),
    handledDuringRps: (atEnd.answers - before.answers) / ((t1 - t0) / 1000),
    backlogAtEnd: ack.ok - (atEnd.answers - before.answers),
    drainS: drained.at === undefined ? Number.NaN : (drained.at - t1) / 1000,
    replyP50: percentile(lat, 50),
    replyP99: percentile(lat, 99),
    cost,
    once: await verifyOnce(rig, afterSeq, options.drainLimitMs),
  };
}

export interface Paced {
  sent: number;
  ok: number;
  ackP50: number;
  ackP99: number;
  replyP50: number;
  replyP99: number;
  handledRps: number;
  keptUp: boolean;
  backlog: number;
  maxLateMs: number;
  cost: Cost;
  once?: OnceVerdict;
}

/** An evenly paced open-loop sender at `rate` for `seconds`: latency from each request's scheduled time. */
export async function paced(
  rig: Rig,
  bot: Bot,
  options: { rate: number; seconds: number; drainLimitMs: number; next: () => SignedBody },
): Promise<Paced> {
  await sleep(1000);
  const before = await rig.world.call<Counts>('counts');
  await rig.world.call('takeReplyLatencies');
  await rig.world.call('takeAnswers');
  const afterSeq = rig.sql ? await lastSeq(rig.sql) : 0;
  const meter = await Meter.start([bot], rig.sql);
  const t0 = performance.now();
  const run = await pacedRun({ url: `${bot.ready.url}/webhook`, ratePerSec: options.rate, durationMs: options.seconds * 1000, next: options.next });
  const t1 = performance.now();
  const atEnd = await rig.world.call<Counts>('counts');
  const drained = await waitForAnswers(rig.world, before.answers + run.ok, options.drainLimitMs);
  const cost = await meter.perEvent(drained.answers - before.answers);
  const lat = await rig.world.call<number[]>('takeReplyLatencies');
  const backlog = run.ok - (atEnd.answers - before.answers);
  return {
    sent: run.sent,
    ok: run.ok,
    ackP50: percentile(run.latencies, 50),
    ackP99: percentile(run.latencies, 99),
    replyP50: percentile(lat, 50),
    replyP99: percentile(lat, 99),
    handledRps: (atEnd.answers - before.answers) / ((t1 - t0) / 1000),
    // Kept up: at most a quarter second of arrivals still waiting when the sender stopped.
    keptUp: drained.at !== undefined && backlog <= options.rate / 4,
    backlog,
    maxLateMs: run.maxLateMs,
    cost,
    once: await verifyOnce(rig, afterSeq, options.drainLimitMs),
  };
}

export interface Saturation extends Throughput {
  rssBefore: number;
  rssPeak: number;
  /** V8 heap in use before and at the peak. */
  heapBefore: number;
  heapAtPeak?: number;
  /** The peak over the first third of the load: what more the rest added shows whether memory levels off. */
  rssPeakFirstThird: number;
  /** Events waiting in the inbox (stored, not yet processed) when the load stopped. */
  inboxAtEnd?: number;
}

/** Long saturation of one bot: its memory while the backlog builds, then the drain from the database. */
export async function saturation(
  rig: Rig,
  bot: Bot,
  options: { connections: number; seconds: number; drainLimitMs: number; next: () => SignedBody },
): Promise<Saturation> {
  const memory = new MemoryWatch(bot);
  const rssBefore = await memory.sample();
  const heapBefore = memory.atPeak?.heapUsed ?? Number.NaN;
  memory.start();
  let rssPeakFirstThird = Number.NaN;
  const firstThird = setTimeout(() => (rssPeakFirstThird = memory.peak), (options.seconds * 1000) / 3);
  let inboxAtEnd: number | undefined;
  const sql = rig.sql;
  const watchInbox = setTimeout(() => {
    if (!sql) return;
    void sql<{ n: number }[]>`select count(*)::int as n from webhook_events where processed_at is null and gave_up_at is null`.then(([row]) => {
      inboxAtEnd = row?.n;
    });
  }, options.seconds * 1000 - 200);
  try {
    const result = await throughput(rig, [bot], options);
    return { ...result, rssBefore, rssPeak: memory.peak, heapBefore, heapAtPeak: memory.atPeak?.heapUsed, rssPeakFirstThird, inboxAtEnd };
  } finally {
    clearTimeout(firstThird);
    clearTimeout(watchInbox);
    memory.stop();
  }
}

/** Each of the pool's customers orders once, evenly paced: profiles cached, JIT warm. */
export async function warmUp(rig: Rig, bot: Bot, options: { customers: number; next: () => SignedBody; drainLimitMs: number }): Promise<void> {
  const before = await rig.world.call<Counts>('counts');
  const warm = await pacedRun({ url: `${bot.ready.url}/webhook`, ratePerSec: 200, durationMs: (options.customers / 200) * 1000, next: options.next });
  const drained = await waitForAnswers(rig.world, before.answers + warm.ok, options.drainLimitMs);
  if (warm.ok !== warm.sent || drained.at === undefined) rig.warn(`warm-up: ${warm.ok}/${warm.sent} acknowledged, ${drained.answers - before.answers} answered`);
}
