/**
 * Events of one chat run one at a time, in the order they were added; different chats run side
 * by side, at most `concurrency` at once (beyond that, more concurrency only makes PostgreSQL and
 * the acknowledgements wait behind more queries).
 */
export interface Chains {
  /** Runs `task` after every task added before it for `key`, when a slot is free. */
  add(key: string, task: () => Promise<void>): void;
  /** Resolves once every task added so far (and any they add) has finished. */
  drain(): Promise<void>;
}

/** `onError`: a task that throws (the chat carries on with its next task). */
export function createChains(concurrency: number, onError: (error: unknown) => void): Chains {
  const tails = new Map<string, Promise<void>>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = (): Promise<void> => (running < concurrency ? (running++, Promise.resolve()) : new Promise<void>((r) => waiting.push(r)));
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    add(key, task) {
      const next = (tails.get(key) ?? Promise.resolve()).then(async () => {
        await slot();
        try {
          await task();
        } catch (error) {
          onError(error);
        } finally {
          release();
        }
      });
      tails.set(key, next);
      void next.finally(() => {
        if (tails.get(key) === next) tails.delete(key);
      });
    },
    async drain() {
      while (tails.size > 0) await Promise.allSettled([...tails.values()]);
    },
  };
}
