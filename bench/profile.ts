/**
 * `npm run bench:profile -- <file.cpuprofile> [events]`: reads a V8 CPU profile (written by
 * `--cpu-prof`, e.g. `BENCH_BOT_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench:sweep`)
 * and prints where the time went: self time by area (query building, the database driver, JSON,
 * logging, Flex building, i18n, HTTP, the event loop…), by file and by function. With `events`
 * (how many events the profiled run handled) each area is also shown in ms per event.
 *
 * Self time only: a function's own samples, not its callees'. Areas are decided by the file a
 * function lives in (and, for V8 builtins, by its name), so every sample counts exactly once.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** First match wins: [area, test on the url (or the function name for builtins)]. */
const AREAS: [string, (url: string, fn: string) => boolean][] = [
  ['idle', (_u, fn) => fn === '(idle)'],
  ['GC', (_u, fn) => fn === '(garbage collector)'],
  ['query building (drizzle)', (u) => u.includes('/drizzle-orm/')],
  ['database driver (postgres.js)', (u) => u.includes('/postgres/')],
  ['PGlite', (u) => u.includes('/@electric-sql/')],
  ['logging (pino)', (u) => u.includes('/pino') || u.includes('/sonic-boom/') || u.endsWith('/src/log.ts')],
  ['i18n (i18next)', (u) => u.includes('/i18next/')],
  ['express + LINE SDK', (u) => u.includes('/express/') || u.includes('/router/') || u.includes('/@line/') || u.includes('/body-parser/') || u.includes('/send/') || u.includes('/finalhandler/')],
  ['metrics (prom-client)', (u) => u.includes('/prom-client/')],
  ['NLU', (u) => u.includes('/src/nlu/')],
  ['phone numbers (libphonenumber)', (u) => u.includes('/libphonenumber-js/')],
  ['chat (decide)', (u) => u.includes('/src/chat/')],
  ['Flex / messages', (u) => u.includes('/src/line/messages/') || u.endsWith('/src/bot/render.ts') || u.endsWith('/src/format.ts')],
  ['bot, orders, db queries (ours)', (u) => u.includes('/src/')],
  ['tsx loader', (u) => u.includes('/tsx/')],
  ['other node_modules', (u) => u.includes('/node_modules/')],
  ['Node internals (http, net, streams, timers)', (u) => u.startsWith('node:')],
  ['program (bookkeeping)', (_u, fn) => fn === '(program)'],
  ['V8 builtins & natives (JSON, regexp, crypto…)', () => true],
];

function areaOf(frame: CallFrame): string {
  for (const [name, test] of AREAS) if (test(frame.url, frame.functionName)) return name;
  return 'other';
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + '/node_modules/'.length);
  const src = url.indexOf('/src/');
  if (src >= 0) return url.slice(src + 1);
  return url || '(native)';
}

export function summarise(profile: Profile): { totalMs: number; byArea: Map<string, number>; byFile: Map<string, number>; byFunction: Map<string, number> } {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000);
  }
  const byArea = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (const [id, ms] of selfMs) {
    const frame = nodes.get(id)!.callFrame;
    totalMs += ms;
    add(byArea, areaOf(frame), ms);
    if (frame.functionName === '(idle)') continue;
    add(byFile, shortUrl(frame.url), ms);
    add(byFunction, `${frame.functionName || '(anonymous)'}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}`, ms);
  }
  return { totalMs, byArea, byFile, byFunction };
}

/** Prints the summary of a .cpuprofile; with `events`, also per event. */
export function printSummary(file: string, events?: number): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const { totalMs, byArea, byFile, byFunction } = summarise(profile);
  const idle = byArea.get('idle') ?? 0;
  const busy = totalMs - idle;
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  const pct = (v: number) => `${((v / busy) * 100).toFixed(1).padStart(5)} %`;
  const per = (v: number) => (events ? `${(v / events).toFixed(3).padStart(7)} ms/event` : '');
  console.log(`profile: ${(totalMs / 1000).toFixed(1)} s sampled, ${(busy / 1000).toFixed(1)} s busy (${((busy / totalMs) * 100).toFixed(0)} %)${events ? `, ${events} events: ${(busy / events).toFixed(3)} ms busy per event` : ''}\n`);
  console.log('by area (share of busy time):');
  for (const [k, v] of top(byArea, 30)) if (k !== 'idle') console.log(`  ${pct(v)}  ${per(v)}  ${k}`);
  console.log('\nby file (top 25):');
  for (const [k, v] of top(byFile, 25)) console.log(`  ${pct(v)}  ${k}`);
  console.log('\nby function (top 40):');
  for (const [k, v] of top(byFunction, 41)) if (!k.startsWith('(idle)')) console.log(`  ${pct(v)}  ${k}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, events] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npm run bench:profile -- <file.cpuprofile> [events handled]');
    process.exit(2);
  }
  printSummary(file, events ? Number(events) : undefined);
}
