/**
 * A background loop: runs `tick` every `intervalMs` (sooner when kicked), one tick at a time,
 * and stops cleanly: `stop()` waits for the tick in progress. Built stopped, so the composition
 * root can hand `kick` to services before it starts any worker.
 *
 * Started `manual`, it never ticks on a timer: only a kick (something was queued) or `runNow`
 * (a test stepping time-driven work) runs it. Every tick, however started, runs after the one
 * before it has ended, so `await runNow()` also means "and nothing of this loop is in flight".
 */
import type { Logger } from './log.ts';

export type LoopMode = 'timed' | 'manual';

export interface Loop {
  readonly name: string;
  start(mode?: LoopMode): void;
  /** Run a tick as soon as the current one (if any) ends; before `start`, nothing. */
  kick(): void;
  /** One tick now, after the one in progress; resolves when it has ended (rejects if it failed). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function createLoop(options: { name: string; intervalMs: number; logger: Logger; tick: () => Promise<unknown> }): Loop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let mode: LoopMode | undefined;
  let stopped = false;
  let kicked = false;
  /** The last tick queued, whoever asked for it: ticks never overlap. */
  let chain: Promise<unknown> = Promise.resolve();

  const exclusive = (): Promise<void> => {
    const tick = chain.then(() => options.tick()).then(() => {});
    chain = tick.catch(() => {});
    return tick;
  };

  const run = () => {
    timer = undefined;
    if (stopped) return;
    running = exclusive()
      .catch((error: unknown) => options.logger.error({ err: error, loop: options.name }, 'background tick failed'))
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (kicked) timer = setTimeout(run, 0);
        else if (mode === 'timed') timer = setTimeout(run, options.intervalMs);
        kicked = false;
      });
  };

  return {
    name: options.name,
    start(startMode = 'timed') {
      if (mode || stopped) return;
      mode = startMode;
      if (mode === 'timed') timer = setTimeout(run, 0);
    },
    kick() {
      if (!mode || stopped) return;
      if (running) {
        kicked = true;
        return;
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, 0);
    },
    runNow() {
      if (stopped) return Promise.reject(new Error(`the ${options.name} loop is stopped`));
      return exclusive();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await chain;
    },
  };
}
