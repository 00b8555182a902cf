import { pathToFileURL } from 'node:url';
import { parse } from '../src/nlu/index.ts';
import { NLU_CORPUS } from './corpus/nlu-messages.ts';

/**
 * NLU throughput against ICU word segmentation on the same messages (DESIGN §8: the NLU must
 * parse faster than Intl.Segmenter merely segments). Both sides warm up first, then each runs
 * the corpus repeatedly for at least `minMs`; the best of `rounds` is kept for each, which damps
 * GC and JIT noise on a shared machine.
 */
export { NLU_CORPUS };

export interface NluBenchResult {
  messages: number;
  nluPerSecond: number;
  icuPerSecond: number;
  /** nluPerSecond / icuPerSecond; the target is ≥ 1.0. */
  ratio: number;
}

export function runNluBench(options: { minMs?: number; rounds?: number; corpus?: readonly string[] } = {}): NluBenchResult {
  const corpus = options.corpus ?? NLU_CORPUS;
  const minMs = options.minMs ?? 1000;
  const rounds = options.rounds ?? 3;
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
  let nluBest = 0;
  let icuBest = 0;
  for (let r = 0; r < rounds; r++) {
    nluBest = Math.max(nluBest, measure(nlu, corpus.length, minMs));
    icuBest = Math.max(icuBest, measure(icu, corpus.length, minMs));
  }
  if (sink === 0) throw new Error('benchmark produced nothing');
  return { messages: corpus.length, nluPerSecond: nluBest, icuPerSecond: icuBest, ratio: nluBest / icuBest };
}

/** Messages per second of `pass` (one pass = `size` messages), run for at least `minMs`. */
function measure(pass: () => void, size: number, minMs: number): number {
  let passes = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    pass();
    passes++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (passes * size) / (elapsed / 1000);
}

function format(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const r = runNluBench();
  console.log(`corpus: ${r.messages} messages`);
  console.log(`nlu parse():            ${format(r.nluPerSecond)} msg/s`);
  console.log(`Intl.Segmenter (th):    ${format(r.icuPerSecond)} msg/s`);
  console.log(`ratio (ours / ICU):     ${r.ratio.toFixed(2)}${r.ratio >= 1 ? '' : '  (below target 1.0)'}`);
}
