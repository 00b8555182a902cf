/**
 * A background loop: runs `tick` every `intervalMs` (sooner when kicked), one tick at a time,
 * and stops cleanly: `stop()` waits for the tick in progress.
 */
import type { Logger } from './log.ts';

export interface Loop {
  /** Run a tick as soon as the current one (if any) ends. */
  kick(): void;
  stop(): Promise<void>;
}

export function startLoop(options: { name: string; intervalMs: number; logger: Logger; tick: () => Promise<unknown> }): Loop {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
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
  timer = setTimeout(run, 0);

  return {
    kick() {
      if (stopped) return;
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
