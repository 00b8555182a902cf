/**
 * The simulator's control API, for tests that run it as a child process and for manual poking:
 *
 *   GET  /_sim/state    → 200 JSON { balanceSatang, balance, online, orders[], refillCount, fault,
 *                                    outcomes[], requestCount, recentRequests[] }
 *   POST /_sim/control  JSON, every key optional, applied in this order:
 *        { fault?: FaultMode | null | "none",   // null / "none" clears the fault
 *          times?: number,                      // for fault and outcome; fault default: permanent,
 *                                               // outcome default: 1
 *          processFirst?: boolean, kinds?: RequestKind[],   // see FaultOptions
 *          online?: { AIS?: boolean, … },
 *          balanceSatang?: number,
 *          outcome?: "success" | "fail" | "slow" | "hang",
 *          settle?: { orderId: string, result: "success" | "failed" } }
 *        → 200 JSON state, 400 { error } on a bad payload, 404 { error } for an unknown order.
 *
 * Both paths match as suffixes, so the handler still works when mounted under a prefix.
 */
import { isNetwork } from '../../networks.ts';
import { FAULT_MODES, OUTCOMES, type FaultMode, type FaultOptions, type Outcome, type RequestKind } from './types.ts';

export class ControlError extends Error {
  override readonly name = 'ControlError';
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

export interface Controllable {
  setFault(mode: FaultMode, options?: FaultOptions): void;
  clearFault(): void;
  setOnline(network: 'AIS' | 'DTAC' | 'TRUE' | 'TOT' | 'MY' | 'FEELS' | 'PENGUIN', online: boolean): void;
  setBalance(satang: number): void;
  queueOutcome(outcome: Outcome, times?: number): void;
  settle(orderId: string, result: 'success' | 'failed'): unknown;
  hasOrder(orderId: string): boolean;
}

const KINDS: readonly RequestKind[] = ['refill', 'update', 'return', 'balance', 'online', 'unknown'];

export function applyControl(sim: Controllable, payload: unknown): void {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new ControlError(400, 'expected a JSON object');
  const p = payload as Record<string, unknown>;
  const times = p.times;
  if (times !== undefined && !(typeof times === 'number' && Number.isInteger(times) && times > 0)) {
    throw new ControlError(400, 'times must be a positive integer');
  }

  if (p.fault === null || p.fault === 'none') sim.clearFault();
  else if (p.fault !== undefined) {
    if (!(FAULT_MODES as readonly unknown[]).includes(p.fault)) throw new ControlError(400, `fault must be one of ${FAULT_MODES.join(', ')}`);
    const options: FaultOptions = {};
    if (times !== undefined) options.times = times;
    if (p.processFirst !== undefined) {
      if (typeof p.processFirst !== 'boolean') throw new ControlError(400, 'processFirst must be a boolean');
      options.processFirst = p.processFirst;
    }
    if (p.kinds !== undefined) {
      if (!Array.isArray(p.kinds) || !p.kinds.every((k) => (KINDS as readonly unknown[]).includes(k))) {
        throw new ControlError(400, `kinds must be a list of ${KINDS.join(', ')}`);
      }
      options.kinds = p.kinds as RequestKind[];
    }
    sim.setFault(p.fault as FaultMode, options);
  }

  if (p.online !== undefined) {
    if (typeof p.online !== 'object' || p.online === null) throw new ControlError(400, 'online must be an object');
    for (const [network, flag] of Object.entries(p.online)) {
      if (!isNetwork(network) || typeof flag !== 'boolean') throw new ControlError(400, `bad online entry ${network}`);
      sim.setOnline(network, flag);
    }
  }

  if (p.balanceSatang !== undefined) {
    if (!(typeof p.balanceSatang === 'number' && Number.isSafeInteger(p.balanceSatang) && p.balanceSatang >= 0)) {
      throw new ControlError(400, 'balanceSatang must be a non-negative integer');
    }
    sim.setBalance(p.balanceSatang);
  }

  if (p.outcome !== undefined) {
    if (!(OUTCOMES as readonly unknown[]).includes(p.outcome)) throw new ControlError(400, `outcome must be one of ${OUTCOMES.join(', ')}`);
    sim.queueOutcome(p.outcome as Outcome, times ?? 1);
  }

  if (p.settle !== undefined) {
    const s = p.settle as Record<string, unknown> | null;
    if (typeof s !== 'object' || s === null || typeof s.orderId !== 'string' || (s.result !== 'success' && s.result !== 'failed')) {
      throw new ControlError(400, 'settle must be { orderId: string, result: "success" | "failed" }');
    }
    if (!sim.hasOrder(s.orderId)) throw new ControlError(404, `no such order: ${s.orderId}`);
    try {
      sim.settle(s.orderId, s.result);
    } catch (err) {
      throw new ControlError(400, err instanceof Error ? err.message : String(err));
    }
  }
}
