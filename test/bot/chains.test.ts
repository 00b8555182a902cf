/** Chains: one chat's events one at a time in order; chats side by side up to a bound. */
import { describe, expect, it } from 'vitest';
import { createChains } from '../../src/bot/chains.ts';

describe('chains', () => {
  it('runs one chat in order, chats side by side, never more than `concurrency` at once', async () => {
    const chains = createChains(2, (e) => {
      throw e;
    });
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, turns: number) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      for (let i = 0; i < turns; i++) await new Promise((r) => setImmediate(r));
      log.push(`end ${name}`);
      running--;
    };
    chains.add('a', task('a1', 3));
    chains.add('b', task('b1', 1));
    chains.add('a', task('a2', 1));
    chains.add('c', task('c1', 1));
    chains.add('a', task('a3', 1));
    await chains.drain();
    expect(most).toBe(2);
    const a = log.filter((l) => l.includes(' a'));
    expect(a).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3']);
    expect(log.filter((l) => l.startsWith('end'))).toHaveLength(5);
  });

  it('a failing task is reported and does not stop its chat', async () => {
    const failures: unknown[] = [];
    const chains = createChains(1, (e) => failures.push(e));
    const ran: string[] = [];
    chains.add('a', async () => {
      ran.push('first');
      throw new Error('boom');
    });
    chains.add('a', async () => {
      ran.push('second');
    });
    await chains.drain();
    expect(ran).toEqual(['first', 'second']);
    expect(failures).toHaveLength(1);
  });

  it('follows a limit that changes: fewer start while it is low, and the waiting ones start once it is raised', async () => {
    let limit = 1;
    const chains = createChains(() => limit, (e) => {
      throw e;
    });
    let running = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    for (const key of ['a', 'b', 'c', 'd']) {
      chains.add(key, async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((r) => gates.push(r));
        running--;
      });
    }
    await new Promise((r) => setImmediate(r));
    expect(running).toBe(1);
    limit = 3;
    chains.resume();
    await new Promise((r) => setImmediate(r));
    expect(running).toBe(3);
    while (gates.length > 0) {
      gates.shift()!();
      await new Promise((r) => setImmediate(r));
    }
    await chains.drain();
    expect(most).toBe(3);
  });
});
