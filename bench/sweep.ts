/**
 * `npm run bench:sweep`: a tool for profiling, not the report. Starts the same processes as
 * `npm run bench` (bot, LINE stand-in + simulator, scratch PostgreSQL), then sends evenly paced
 * order texts at each rate in SWEEP_RATES (default 50,100,200,300) for SWEEP_SECONDS (5) and
 * prints, per rate: events handled per second, ack and event → reply latency, and the CPU time
 * the bot and its PostgreSQL backends spent per event. Run it before and after a change to
 * src/ to see what the change bought. Also printed: the statements sent to PostgreSQL per event
 * (SWEEP_STATEMENTS=1 lists them). SWEEP_PROFILE=FILE writes a CPU profile of the bot over the
 * measured rates only (not its start-up or warm-up) and prints its summary (bench/profile.ts);
 * BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the whole process instead.
 */
import postgres from 'postgres';
import { npmStartNodeFlags, startChild } from './support/child.ts';
import { createScratchDatabase } from './support/database.ts';
import { botEnv, now, orderStream } from './support/events.ts';
import { freePort } from '../test/support/child-bot.ts';
import { pacedRun } from './support/paced.ts';
import { backendCpuMs } from './support/pgcpu.ts';
import { percentile, sleep } from './support/stats.ts';
import { printSummary } from './profile.ts';

type Counts = { replies: number; answers: number };
const rates = (process.env.SWEEP_RATES ?? '50,100,200,300').split(',').map(Number);
const seconds = Number(process.env.SWEEP_SECONDS ?? 5);

const db = await createScratchDatabase((l) => console.log(l));
if (!db.url) throw new Error('the sweep needs PostgreSQL');
const port = await freePort();
const world = await startChild<{ lineOrigin: string; simulatorUrl: string }>('world.ts', { env: { BENCH_BOT_URL: `http://127.0.0.1:${port}` } });
const bot = await startChild<{ url: string }>('bot.ts', {
  logFile: process.env.SWEEP_LOG ?? '/dev/null',
  nodeArgs: [...npmStartNodeFlags(), ...(process.env.BENCH_BOT_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [])],
  cleanEnv: true,
  env: botEnv({ port, databaseUrl: db.url, lineOrigin: world.ready.lineOrigin, simulatorUrl: world.ready.simulatorUrl, logLevel: 'info' }),
});
const sql = postgres(db.url, { max: 1, onnotice: () => {} });
const counts = () => world.call<Counts>('counts');
const stream = orderStream({ pool: 'sweep', poolSize: 500 });
const url = `${bot.ready.url}/webhook`;

try {
  // Every customer once (profile cached), and the JIT warm.
  const warm = await pacedRun({ url, ratePerSec: 200, durationMs: 2500, next: stream });
  for (let i = 0; i < 600 && (await counts()).answers < warm.ok; i++) await sleep(100);
  const profileFile = process.env.SWEEP_PROFILE;
  const first = await counts();
  if (profileFile) await bot.call('profileStart');
  console.log('rate/s  handled/s  ack p50    p99   event→reply p50    p99   bot CPU ms/ev  PG CPU ms/ev  statements/ev');
  for (const rate of rates) {
    await sleep(1000);
    await bot.call('statements');
    const c0 = await counts();
    const cpu0 = await bot.call<NodeJS.CpuUsage>('cpu');
    const pg0 = await backendCpuMs(sql);
    await world.call('takeReplyLatencies');
    const t0 = now();
    const run = await pacedRun({ url, ratePerSec: rate, durationMs: seconds * 1000, next: stream });
    const t1 = now();
    const c1 = await counts();
    let c2 = c1;
    const deadline = now() + 30_000;
    while (c2.answers < c0.answers + run.ok && now() < deadline) {
      await sleep(50);
      c2 = await counts();
    }
    const cpu1 = await bot.call<NodeJS.CpuUsage>('cpu');
    const pg1 = await backendCpuMs(sql);
    const lat = await world.call<number[]>('takeReplyLatencies');
    const sent = await bot.call<Record<string, number>>('statements');
    const statements = Object.values(sent).reduce((a, b) => a + b, 0);
    const cpuMs = (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / 1000;
    const f = (n: number) => n.toFixed(1).padStart(7);
    console.log(
      `${String(rate).padStart(6)} ${f(((c1.answers - c0.answers) / (t1 - t0)) * 1000)}   ${f(percentile(run.latencies, 50))} ${f(percentile(run.latencies, 99))}   ` +
        `${f(percentile(lat, 50))} ${f(percentile(lat, 99))}   ${f(cpuMs / run.ok)}      ${pg0 === undefined || pg1 === undefined ? '    n/a' : f((pg1 - pg0) / run.ok)}     ${f(statements / run.ok)}` +
        (c2.answers < c0.answers + run.ok ? `   (${c0.answers + run.ok - c2.answers} not handled after 30 s)` : ''),
    );
    if (process.env.SWEEP_STATEMENTS) {
      for (const [text, n] of Object.entries(sent).sort((a, b) => b[1] - a[1])) console.log(`      ${(n / run.ok).toFixed(3).padStart(7)}  ${text}`);
    }
  }
  if (profileFile) {
    await bot.call('profileStop', { file: profileFile });
    const events = (await counts()).answers - first.answers;
    console.log(`\nCPU profile of the measured rates: ${profileFile}\n`);
    printSummary(profileFile, events);
  }
} finally {
  await sql.end();
  await bot.stop();
  await world.stop();
  await db.drop();
}
