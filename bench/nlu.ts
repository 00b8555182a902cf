import { pathToFileURL } from 'node:url';
import { parse } from '../src/nlu/index.ts';
import { NLU_CORPUS } from './corpus/nlu-messages.ts';

/**
 * NLU throughput against ICU word segmentation on the same messages (DESIGN §8: the NLU must
 * parse faster than Intl.Segmenter merely segments).
 *
 * Both sides warm up, then run in alternating rounds of at least `minMs` each (2.4 s per side
 * by default), and the best round of each is kept. Rates are messages per second of wall time
 * and per second of process CPU time; the ratio uses CPU time, because on a shared machine the
 * wall clock also measures the neighbours (both sides run in this one process, so GC and JIT
 * threads count against whoever caused them).
 */
export { NLU_CORPUS };

export interface NluBenchResult {
  messages: number;
  nluPerSecond: number;
  icuPerSecond: number;
  nluPerCpuSecond: number;
  icuPerCpuSecond: number;
  /** nluPerCpuSecond / icuPerCpuSecond; the target is ≥ 1.0. */
  ratio: number;
}

interface Rate {
  wall: number;
  cpu: number;
}

export function runNluBench(options: { minMs?: number; rounds?: number; corpus?: readonly string[] } = {}): NluBenchResult {
  const corpus = options.corpus ?? NLU_CORPUS;
  const minMs = options.minMs ?? 400;
  const rounds = options.rounds ?? 6;
  const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

  let sink = 0; // consumed results, so neither loop can be optimised away
  const nlu = (): void => {
    for (const message of corpus) {
      const r = parse(message);
      sink += r.intent.length + (r.amount ?? 0);
    }
  };
  const icu = (): void => {
    for (const message of corpus) {
      for (const segment of segmenter.segment(message)) sink += segment.segment.length;
    }
  };

  // Warm-up: let both reach optimised code.
  for (let i = 0; i < 20; i++) {
    nlu();
    icu();
  }
  const ours: Rate = { wall: 0, cpu: 0 };
  const theirs: Rate = { wall: 0, cpu: 0 };
  for (let r = 0; r < rounds; r++) {
    keepBest(ours, measure(nlu, corpus.length, minMs));
    keepBest(theirs, measure(icu, corpus.length, minMs));
  }
  if (sink === 0) throw new Error('benchmark produced nothing');
  return {
    messages: corpus.length,
    nluPerSecond: ours.wall,
    icuPerSecond: theirs.wall,
    nluPerCpuSecond: ours.cpu,
    icuPerCpuSecond: theirs.cpu,
    ratio: ours.cpu / theirs.cpu,
  };
}

function keepBest(best: Rate, r: Rate): void {
  best.wall = Math.max(best.wall, r.wall);
  best.cpu = Math.max(best.cpu, r.cpu);
}

/** Messages per second of `pass` (one pass = `size` messages), run for at least `minMs`. */
function measure(pass: () => void, size: number, minMs: number): Rate {
  let passes = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  do {
    pass();
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const messages = passes * size;
  return { wall: messages / (elapsed / 1000), cpu: messages / cpuSeconds };
}

function format(n: number): string {
  return Math.round(n).toLocaleString('en-US').padStart(9);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const r = runNluBench();
  console.log(`corpus: ${r.messages} messages, best of 6 rounds × 0.4 s per side`);
  console.log(`                        per wall second   per CPU second`);
  console.log(`nlu parse()             ${format(r.nluPerSecond)} msg/s    ${format(r.nluPerCpuSecond)} msg/s`);
  console.log(`Intl.Segmenter('th')    ${format(r.icuPerSecond)} msg/s    ${format(r.icuPerCpuSecond)} msg/s`);
  console.log(`ratio (ours / ICU)      ${(r.nluPerSecond / r.icuPerSecond).toFixed(2).padStart(9)}          ${r.ratio.toFixed(2).padStart(9)}`);
  console.log(r.ratio >= 1 ? 'target (CPU ratio ≥ 1.0): met' : 'target (CPU ratio ≥ 1.0): NOT met');
}
