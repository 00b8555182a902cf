/**
 * A background loop: runs `tick` every `intervalMs` (sooner when kicked), one tick at a time,
 * and stops cleanly: `stop()` waits for the tick in progress. Built stopped, so the composition
 * root can hand `kick` to services before it starts any worker.
 */
import type { Logger } from './log.ts';

export interface Loop {
  readonly name: string;
  start(): void;
  /** Run a tick as soon as the current one (if any) ends; before `start`, nothing. */
  kick(): void;
  stop(): Promise<void>;
}

export function createLoop(options: { name: string; intervalMs: number; logger: Logger; tick: () => Promise<unknown> }): Loop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let started = false;
  let stopped = false;
  let kicked = false;

  const run = () => {
    timer = undefined;
    if (stopped) return;
    running = options
      .tick()
      .then(
        () => {},
        (error: unknown) => options.logger.error({ err: error, loop: options.name }, 'background tick failed'),
      )
      .finally(() => {
        running = undefined;
        if (stopped) return;
        const delay = kicked ? 0 : options.intervalMs;
        kicked = false;
        timer = setTimeout(run, delay);
      });
  };

  return {
    name: options.name,
    start() {
      if (started || stopped) return;
      started = true;
      timer = setTimeout(run, 0);
    },
    kick() {
      if (!started || stopped) return;
      if (running) {
        kicked = true;
        return;
      }
      if (timer) clearTimeout(timer);
      timer = setTimeout(run, 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
