/** Group commit: requests that arrive while a write is in flight share the next write. */
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/db/group-commit.ts';

/** A write that waits until released, recording what each write carried. */
function gatedWriter() {
  const writes: number[][] = [];
  let release: () => void = () => {};
  const write = async (requests: number[]) => {
    writes.push(requests);
    await new Promise<void>((r) => (release = r));
    if (requests.includes(13)) throw new Error('13 is refused');
    return requests.map((n) => n * 10);
  };
  return { writes, write, release: () => release() };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('group commit', () => {
  it('writes the first request at once and the ones that arrive meanwhile together, each with its own result', async () => {
    const w = gatedWriter();
    const commit = groupCommit({ write: w.write, concurrency: 1, maxBatch: 100 });
    const first = commit(1);
    await tick();
    const later = [commit(2), commit(3), commit(4)];
    await tick();
    expect(w.writes).toEqual([[1]]);
    w.release();
    expect(await first).toBe(10);
    await tick();
    expect(w.writes).toEqual([[1], [2, 3, 4]]);
    w.release();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
    await commit.idle();
  });

  it('keeps at most `maxBatch` requests in one write', async () => {
    const writes: number[][] = [];
    const commit = groupCommit({ write: async (r: number[]) => (writes.push(r), r), concurrency: 1, maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((n) => commit(n)));
    expect(writes.every((w) => w.length <= 2)).toBe(true);
    expect(writes.flat()).toEqual([1, 2, 3, 4, 5]);
  });

  it('a write that fails with several requests in it is retried one by one: only the bad request fails', async () => {
    const writes: number[][] = [];
    const commit = groupCommit({
      write: async (requests: number[]) => {
        writes.push(requests);
        if (requests.includes(13)) throw new Error('13 is refused');
        return requests;
      },
      concurrency: 1,
      maxBatch: 100,
    });
    const results = await Promise.allSettled([12, 13, 14].map((n) => commit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(writes).toEqual([[12, 13, 14], [12], [13], [14]]);
  });

  it('idle() waits for a write in flight', async () => {
    const w = gatedWriter();
    const commit = groupCommit({ write: w.write, concurrency: 1, maxBatch: 100 });
    const done = commit(1);
    let idle = false;
    const waiting = commit.idle().then(() => (idle = true));
    await tick();
    expect(idle).toBe(false);
    w.release();
    await Promise.all([done, waiting]);
    expect(idle).toBe(true);
  });
});
