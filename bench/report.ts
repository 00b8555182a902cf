/**
 * The bench's report: every bot figure as a ratio to the bare endpoint of the same round, the
 * median of the rounds with their range, and the DESIGN §8 targets.
 */
import type { NluBenchResult } from './nlu.ts';
import type { Paced, Saturation, Throughput } from './phases.ts';
import type { LoadResult } from './support/load.ts';
import { onceText, type OnceVerdict } from './support/once.ts';
import { int, mib, ms, percentile, ratio } from './support/stats.ts';

export interface Round {
  bare: LoadResult;
  one: Throughput;
  fixed: Paced;
  two: Throughput;
}

const TARGET_ACK = 0.5;
const TARGET_HANDLED = 0.25;
const TARGET_ACK_P99_MS = 50;
const TARGET_REPLY_P99_MS = 100;
const TARGET_RSS_GROWTH = 50 * 2 ** 20;

function median(values: number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
}

/** `0.31 (0.29–0.33)`: the median and the range of the rounds. */
function spread(values: number[], show: (n: number) => string): string {
  if (values.length === 1) return show(values[0]!);
  const finite = values.filter(Number.isFinite);
  return `${show(median(values))} (${show(Math.min(...finite))}–${show(Math.max(...finite))})`;
}

function allOnce(verdicts: (OnceVerdict | undefined)[]): string {
  const known = verdicts.filter((v): v is OnceVerdict => v !== undefined);
  if (known.length === 0) return 'not checked (PGlite)';
  const sum = known.reduce((a, v) => ({ events: a.events + v.events, once: a.once + v.once, unanswered: a.unanswered + v.unanswered, twice: a.twice + v.twice }));
  return onceText(sum);
}

export function report(input: {
  header: string;
  settings: { connections: number; seconds: number; rate: number; saturationSeconds: number; callbackOrders: number; callbackRate: number };
  rounds: Round[];
  saturation: Saturation;
  pushLatencies: number[];
  nlu: NluBenchResult;
  memory: { idle: number; peak: number; after: number; events: number };
  logLevels: { warn: number; error: number };
  warnings: string[];
}): string {
  const { rounds, settings: s, saturation: sat } = input;
  const of = (pick: (r: Round) => number) => rounds.map(pick);
  const rel = (pick: (r: Round) => number) => of((r) => pick(r) / r.bare.rps);
  const ackRatio = median(rel((r) => r.one.ack.rps));
  const handledRatio = median(rel((r) => r.one.handledRps));
  const ackP99 = median(of((r) => r.fixed.ackP99));
  const replyP99 = median(of((r) => r.fixed.replyP99));
  const keptUp = rounds.every((r) => r.fixed.keptUp);
  const growth = sat.rssPeak - sat.rssBefore;
  const satOnce = sat.once ? sat.once.once === sat.once.events : undefined;
  const twoOnce = rounds.every((r) => !r.two.once || r.two.once.once === r.two.once.events);
  const pushLost = input.pushLatencies.filter((v) => !Number.isFinite(v)).length;
  const cost = (t: Throughput | Paced) => t.cost;
  const costText = (pick: (r: Round) => Throughput | Paced) =>
    `bot CPU ${spread(of((r) => cost(pick(r)).botCpuMs), (n) => n.toFixed(2))} ms, PostgreSQL CPU ${spread(of((r) => cost(pick(r)).pgCpuMs ?? Number.NaN), (n) => n.toFixed(2))} ms, ` +
    `${spread(of((r) => cost(pick(r)).statements), (n) => n.toFixed(2))} statements per event`;

  const rows: [string, string, string][] = [
    ['Bare endpoint: express + SDK signature check, 200', `${spread(of((r) => r.bare.rps), int)} req/s`, `${s.connections} connections, ${s.seconds} s; p99 ${spread(of((r) => r.bare.p99), ms)}`],
    [
      'Bot: webhooks acknowledged (stored, 200)',
      `**${spread(rel((r) => r.one.ack.rps), ratio)} of bare**`,
      `${spread(of((r) => r.one.ack.rps), int)} req/s, same load; p50 ${spread(of((r) => r.one.ack.p50), ms)}, p99 ${spread(of((r) => r.one.ack.p99), ms)}`,
    ],
    [
      'Bot: events fully handled (card reached LINE)',
      `**${spread(rel((r) => r.one.handledRps), ratio)} of bare**`,
      `${spread(of((r) => r.one.handledRps), int)} events/s (acknowledged events over the time to the last answer); ${spread(of((r) => r.one.handledDuringRps), int)}/s while loaded, ` +
        `backlog ${spread(of((r) => r.one.backlogAtEnd), int)} at the end, drained in ${spread(of((r) => r.one.drainS), (n) => `${n.toFixed(1)} s`)}; ${allOnce(rounds.map((r) => r.one.once))}`,
    ],
    ['Bot: cost per handled event (saturated)', '', costText((r) => r.one)],
    [
      `Bot at ${s.rate} req/s (paced): acknowledgement`,
      `p99 **${spread(of((r) => r.fixed.ackP99), ms)}**`,
      `p50 ${spread(of((r) => r.fixed.ackP50), ms)}; ${rounds.map((r) => `${r.fixed.ok}/${r.fixed.sent}`).join(', ')} acknowledged`,
    ],
    [
      `Bot at ${s.rate} req/s (paced): event → reply at LINE`,
      `p99 **${spread(of((r) => r.fixed.replyP99), ms)}**`,
      `p50 ${spread(of((r) => r.fixed.replyP50), ms)}; handled ${spread(of((r) => r.fixed.handledRps), int)}/s, ${keptUp ? 'kept up in every round' : '**fell behind** in a round'}; ${allOnce(rounds.map((r) => r.fixed.once))}; ${costText((r) => r.fixed)}`,
    ],
    [
      'Two bots on one database: events fully handled',
      `**${spread(rel((r) => r.two.handledRps), ratio)} of bare**`,
      `${spread(of((r) => r.two.handledRps), int)} events/s; acknowledged ${spread(rel((r) => r.two.ack.rps), ratio)} of bare; ${allOnce(rounds.map((r) => r.two.once))}; ${costText((r) => r.two)}`,
    ],
    [
      `Saturation, ${s.saturationSeconds} s: bot memory`,
      `**+${mib(growth)}**`,
      `resident ${mib(sat.rssBefore)} before, peak ${mib(sat.rssPeak)} (${mib(sat.rssPeakFirstThird)} in the first ${Math.round(s.saturationSeconds / 3)} s: the last ${s.saturationSeconds - Math.round(s.saturationSeconds / 3)} s added ${mib(sat.rssPeak - sat.rssPeakFirstThird)}); ${int(sat.ack.ok)} acknowledged (${ratio(sat.ack.rps / median(of((r) => r.bare.rps)))} of bare), ` +
        `${sat.inboxAtEnd === undefined ? '' : `${int(sat.inboxAtEnd)} waiting in the inbox at the end, `}drained ${Number.isFinite(sat.drainS) ? `in ${sat.drainS.toFixed(1)} s` : '**not in time**'}; ${sat.once ? onceText(sat.once) : 'not checked'}`,
    ],
    [
      'Provider callback → push at LINE',
      `p50 ${ms(percentile(input.pushLatencies, 50))}, p99 ${ms(percentile(input.pushLatencies, 99))}`,
      `${s.callbackOrders - pushLost}/${s.callbackOrders} orders (text → confirm → pending, then the simulator's callback), ${s.callbackRate} callbacks/s`,
    ],
    [
      'NLU parse() vs ICU word segmentation',
      `**${ratio(input.nlu.ratio)}**`,
      `target ≥ 1.0; ${int(input.nlu.nluPerCpuSecond)} vs ${int(input.nlu.icuPerCpuSecond)} msg/s per CPU second`,
    ],
    [
      `Bot resident memory after ${int(input.memory.events)} events`,
      mib(input.memory.after),
      `${mib(input.memory.idle)} idle after start; peak ${mib(input.memory.peak)}`,
    ],
  ];

  const verdict = (ok: boolean | undefined) => (ok === undefined ? 'not checked' : ok ? 'met' : 'NOT met');
  const targets = [
    `Acknowledgements ≥ ${TARGET_ACK} of bare (median): ${verdict(ackRatio >= TARGET_ACK)} (${ratio(ackRatio)})`,
    `Full handling ≥ ${TARGET_HANDLED} of bare (median): ${verdict(handledRatio >= TARGET_HANDLED)} (${ratio(handledRatio)})`,
    `Acknowledgement p99 ≤ ${TARGET_ACK_P99_MS} ms at ${s.rate} requests/s (median): ${verdict(ackP99 <= TARGET_ACK_P99_MS)} (${ms(ackP99)})`,
    `Event → reply p99 ≤ ${TARGET_REPLY_P99_MS} ms at ${s.rate} requests/s (median): ${verdict(replyP99 <= TARGET_REPLY_P99_MS && keptUp)} (${ms(replyP99)}${keptUp ? '' : '; fell behind'})`,
    `${s.saturationSeconds} s of saturation: memory grows < 50 MiB: ${verdict(growth < TARGET_RSS_GROWTH)} (+${mib(growth)}); the backlog drains with every event answered once: ${verdict(Number.isFinite(sat.drainS) && satOnce)}`,
    `Two instances answer every event exactly once: ${verdict(rounds.some((r) => r.two.once) ? twoOnce : undefined)}`,
    `NLU ≥ 1.0 × ICU: ${verdict(input.nlu.ratio >= 1)} (${ratio(input.nlu.ratio)})`,
  ];

  return [
    '# Benchmark results (`npm run bench`)',
    '',
    input.header,
    '',
    'Bot figures are ratios to the bare endpoint measured in the same round: the median of the rounds, their range in brackets.',
    '',
    '| measure | result | details |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
    '**Targets (DESIGN §8, issue 18)**',
    '',
    ...targets.map((t) => `- ${t}`),
    ...(input.warnings.length ? ['', '**Warnings**', '', ...input.warnings.map((w) => `- ${w}`)] : []),
    '',
    `Bot logs: ${input.logLevels.warn} warnings, ${input.logLevels.error} errors.`,
    '',
  ].join('\n');
}
