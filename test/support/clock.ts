/**
 * A clock a test sets: it reads the system clock until `set`, then stands at the instant set,
 * so a summary's day does not change under a test that runs across Bangkok midnight.
 */
import type { Clock } from '../../src/clock.ts';

export interface TestClock extends Clock {
  set(at: Date): void;
}

export function testClock(): TestClock {
  let fixed: Date | undefined;
  return {
    now: () => (fixed ? new Date(fixed) : new Date()),
    set(at) {
      fixed = new Date(at);
    },
  };
}
