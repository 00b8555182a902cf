/**
 * Work that outlives the event that started it (a refill after the confirm tap was answered):
 * tracked so shutdown waits for it, and its failure logged rather than lost. A crash mid-task
 * is covered elsewhere: an order left `submitting` becomes `unknown` (the reconciler).
 */
import type { Logger } from '../log.ts';

export interface Background {
  /** Runs `task` without holding up the caller; returns its promise for who wants the result. */
  run<T>(name: string, task: () => Promise<T>): Promise<T>;
  /** Resolves when every task has ended. */
  drain(): Promise<void>;
}

export function createBackground(logger: Logger): Background {
  const running = new Set<Promise<unknown>>();
  return {
    run(name, task) {
      const promise = task();
      const tracked = promise.then(
        () => {},
        (error: unknown) => logger.error({ err: error, task: name }, 'background task failed'),
      );
      running.add(tracked);
      void tracked.finally(() => running.delete(tracked));
      return promise;
    },
    async drain() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}

/** The task's result if it ends within `ms`, else undefined (the task goes on). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
