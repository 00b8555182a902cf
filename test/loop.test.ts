/**
 * The background loop: ticks never overlap, whoever starts them; a manual loop ticks only when
 * kicked or run; `runNow` resolves after its own tick and reports that tick's failure.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { createLoop } from '../src/loop.ts';

const logger = createLogger({ level: 'silent' });

/** A tick the test ends by hand, recording starts and ends. */
function steppedTick() {
  const log: string[] = [];
  const open: (() => void)[] = [];
  let n = 0;
  const tick = () => {
    const i = ++n;
    log.push(`start ${i}`);
    return new Promise<void>((resolve) => open.push(() => (log.push(`end ${i}`), resolve())));
  };
  const endNext = async () => {
    while (open.length === 0) await new Promise((r) => setImmediate(r));
    open.shift()!();
  };
  return { log, tick, endNext };
}

describe('background loop', () => {
  it('runNow waits for the tick in progress, then runs its own; the two never overlap', async () => {
    const t = steppedTick();
    const loop = createLoop({ name: 'test', intervalMs: 60_000, logger, tick: t.tick });
    const first = loop.runNow();
    const second = loop.runNow();
    await t.endNext();
    await first;
    expect(t.log).toEqual(['start 1', 'end 1']);
    await t.endNext();
    await second;
    expect(t.log).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
    await loop.stop();
  });

  it('a manual loop never ticks by itself; a kick runs one tick', async () => {
    let ticks = 0;
    const loop = createLoop({ name: 'test', intervalMs: 1, logger, tick: async () => void ticks++ });
    loop.start('manual');
    await loop.runNow();
    expect(ticks).toBe(1);
    // A timed loop with the same interval, as the yardstick: five of its ticks pass meanwhile.
    let control = 0;
    const timed = createLoop({ name: 'control', intervalMs: 1, logger, tick: async () => void control++ });
    timed.start();
    while (control < 5) await new Promise((r) => setImmediate(r));
    await timed.stop();
    expect(ticks).toBe(1);
    loop.kick();
    await new Promise((r) => setTimeout(r, 0));
    await loop.runNow(); // after the kicked tick
    expect(ticks).toBe(3);
    await loop.stop();
  });

  it("runNow rejects with its tick's error; the loop goes on", async () => {
    let fail = true;
    const loop = createLoop({
      name: 'test',
      intervalMs: 60_000,
      logger,
      tick: async () => {
        if (fail) throw new Error('boom');
      },
    });
    await expect(loop.runNow()).rejects.toThrow('boom');
    fail = false;
    await expect(loop.runNow()).resolves.toBeUndefined();
    await loop.stop();
    await expect(loop.runNow()).rejects.toThrow('stopped');
  });
});
