/**
 * What the bench's phases share: the world (LINE stand-in + simulator), the bench's own
 * connection to the scratch database, and readings of the bots (CPU, memory, statements).
 */
import type postgres from 'postgres';
import type { Child } from './child.ts';
import { backendCpuMs } from './pgcpu.ts';
import { sleep } from './stats.ts';

export type World = Child<{ lineOrigin: string; simulatorUrl: string }>;
export type Bot = Child<{ url: string; driver: string }>;
export interface Counts {
  replies: number;
  pushes: number;
  /** Deliveries (reply or push) carrying a confirm card: answered order texts. */
  answers: number;
  refills: number;
}

export interface Rig {
  world: World;
  /** The bench's own connection to the scratch database (undefined on PGlite). */
  sql?: postgres.Sql;
  log(line: string): void;
  warn(line: string): void;
}

/** Waits until the world has seen `answers` confirm cards; `at` (performance.now()) is undefined on timeout. */
export async function waitForAnswers(world: World, answers: number, timeoutMs: number): Promise<{ at?: number; answers: number }> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const c = await world.call<Counts>('counts');
    if (c.answers >= answers) return { at: performance.now(), answers: c.answers };
    if (performance.now() > deadline) return { answers: c.answers };
    await sleep(50);
  }
}

export interface Cost {
  botCpuMs: number;
  pgCpuMs?: number;
  statements: number;
}

/** CPU of the bots and of the PostgreSQL backends, and statements sent, from one reading to the next. */
export class Meter {
  private constructor(
    private readonly bots: Bot[],
    private readonly sql: postgres.Sql | undefined,
    private readonly start: Cost,
  ) {}

  static async start(bots: Bot[], sql: postgres.Sql | undefined): Promise<Meter> {
    return new Meter(bots, sql, await Meter.read(bots, sql));
  }

  private static async read(bots: Bot[], sql: postgres.Sql | undefined): Promise<Cost> {
    let botCpuMs = 0;
    let statements = 0;
    for (const bot of bots) {
      const cpu = await bot.call<NodeJS.CpuUsage>('cpu');
      botCpuMs += (cpu.user + cpu.system) / 1000;
      statements += Object.values(await bot.call<Record<string, number>>('statements')).reduce((a, b) => a + b, 0);
    }
    return { botCpuMs, pgCpuMs: sql ? await backendCpuMs(sql) : undefined, statements };
  }

  /** Per event since `start()`. */
  async perEvent(events: number): Promise<Cost> {
    const end = await Meter.read(this.bots, this.sql);
    return {
      botCpuMs: (end.botCpuMs - this.start.botCpuMs) / events,
      pgCpuMs: end.pgCpuMs !== undefined && this.start.pgCpuMs !== undefined ? (end.pgCpuMs - this.start.pgCpuMs) / events : undefined,
      // `statements` resets at each reading: what was sent since the first.
      statements: end.statements / events,
    };
  }
}

/** The bot's resident memory, sampled every 250 ms while running. */
export class MemoryWatch {
  peak = 0;
  last = 0;
  /** The whole reading at the peak (heap, external, array buffers). */
  atPeak: NodeJS.MemoryUsage | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  constructor(private readonly bot: Bot) {}
  start(): this {
    const tick = async () => {
      await this.sample().catch(() => {});
      if (!this.stopped) this.timer = setTimeout(() => void tick(), 250);
    };
    void tick();
    return this;
  }
  async sample(): Promise<number> {
    const mem = await this.bot.call<NodeJS.MemoryUsage>('mem');
    this.last = mem.rss;
    if (mem.rss > this.peak) {
      this.peak = mem.rss;
      this.atPeak = mem;
    }
    return mem.rss;
  }
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
