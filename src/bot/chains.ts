/**
 * Events of one chat run one at a time, in the order they were added; different chats run side
 * by side, at most `limit()` at once (intake.ts says how many). The limit may change: a task
 * starts only while fewer than the limit of the moment run, and `resume()` starts the waiting
 * ones a raised limit now lets in.
 */
export interface Chains {
  /** Runs `task` after every task added before it for `key`, when a slot is free. */
  add(key: string, task: () => Promise<void>): void;
  /** Starts waiting tasks up to the limit (call when it went up). */
  resume(): void;
  /** Resolves once every task added so far (and any they add) has finished. */
  drain(): Promise<void>;
}

/** `onError`: a task that throws (the chat carries on with its next task). */
export function createChains(limit: number | (() => number), onError: (error: unknown) => void): Chains {
  const current = typeof limit === 'number' ? () => limit : limit;
  const tails = new Map<string, Promise<void>>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = (): Promise<void> => (running < current() ? (running++, Promise.resolve()) : new Promise<void>((r) => waiting.push(r)));
  const resume = (): void => {
    while (waiting.length > 0 && running < current()) {
      running++;
      waiting.shift()!();
    }
  };
  const release = (): void => {
    running--;
    resume();
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
    resume,
    async drain() {
      while (tails.size > 0) await Promise.allSettled([...tails.values()]);
    },
  };
}
