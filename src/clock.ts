/**
 * Where the bot reads the date for what depends on the calendar (which day a summary covers).
 * The composition root passes the system clock; tests pass one they set, so a run that crosses
 * Bangkok midnight counts the same orders as any other run.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
