/**
 * The simulator's scripted misbehaviour: one active fault (with a remaining count) and a queue
 * of outcomes for the next accepted refills.
 */
import type { FaultMode, FaultOptions, Outcome, RequestKind } from './types.ts';

interface ActiveFault {
  mode: FaultMode;
  remaining: number; // Infinity = permanent
  processFirst: boolean;
  kinds: readonly RequestKind[] | undefined;
}

export interface TakenFault {
  mode: FaultMode;
  processFirst: boolean;
}

export class FaultPlan {
  private active: ActiveFault | undefined;

  set(mode: FaultMode, options: FaultOptions = {}): void {
    const times = options.times ?? Infinity;
    if (!(times === Infinity || (Number.isInteger(times) && times > 0))) throw new RangeError('times must be a positive integer');
    this.active = { mode, remaining: times, processFirst: options.processFirst ?? true, kinds: options.kinds };
  }

  clear(): void {
    this.active = undefined;
  }

  /** The fault for this request, if any, counting it down. */
  take(kind: RequestKind): TakenFault | undefined {
    const fault = this.active;
    if (!fault) return undefined;
    if (fault.kinds && !fault.kinds.includes(kind)) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.active = undefined;
    return { mode: fault.mode, processFirst: fault.processFirst };
  }

  describe(): { mode: FaultMode; remaining: number | null; processFirst: boolean } | null {
    const f = this.active;
    return f ? { mode: f.mode, remaining: f.remaining === Infinity ? null : f.remaining, processFirst: f.processFirst } : null;
  }
}

export class OutcomeQueue {
  private readonly queue: Outcome[] = [];

  push(outcome: Outcome, times = 1): void {
    if (!Number.isInteger(times) || times < 1 || times > 10_000) throw new RangeError('times must be an integer 1..10000');
    for (let i = 0; i < times; i++) this.queue.push(outcome);
  }

  take(): Outcome {
    return this.queue.shift() ?? 'success';
  }

  list(): readonly Outcome[] {
    return [...this.queue];
  }
}
