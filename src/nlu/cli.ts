import { createInterface } from 'node:readline';
import { parse } from './index.ts';
import type { ParseResult } from './types.ts';

/**
 * DESIGN §3 NLU CLI: one message per stdin line → one JSON object per stdout line with
 * intent, number, network, amount (plus extra keys). Streams: lines are parsed as they arrive,
 * output is written in batches and respects back-pressure, and the process ends only after
 * everything written has been flushed.
 */
const BATCH_CHARS = 64 * 1024;

export function toCliRecord(r: ParseResult): Record<string, unknown> {
  return {
    intent: r.intent,
    number: r.number,
    network: r.network,
    amount: r.amount,
    amountCandidates: r.amountCandidates,
    flags: r.flags,
    sources: r.sources,
    candidates: r.candidates,
    negation: r.negation,
  };
}

async function main(): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    // A closed pipe (| head) is the reader's choice, not our failure.
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let batch = '';
  for await (const line of lines) {
    batch += JSON.stringify(toCliRecord(parse(line))) + '\n';
    if (batch.length >= BATCH_CHARS) {
      await write(batch);
      batch = '';
    }
  }
  if (batch.length > 0) await write(batch);
}

function write(chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(chunk, (err) => (err ? reject(err) : resolve()));
  });
}

await main();
