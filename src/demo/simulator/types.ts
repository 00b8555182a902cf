import type { Network } from '../../networks.ts';
import type { JsonFile } from '../persisted.ts';

/**
 * Fault modes for the next N requests (or permanently):
 * - reject, insufficient: STATUS=0 with a Thai DETAIL instead of processing (nothing happens);
 * - hang: never answer; html: HTTP 500 page; empty: 200 with no body; truncated: cut-off XML;
 *   reset: drop the connection — these process the request first by default (the order exists,
 *   only the reply is lost: the case ProviderAmbiguous exists for); `processFirst: false` makes
 *   them fail before processing instead;
 * - tis620: process normally, answer in windows-874 labelled TIS-620.
 */
export const FAULT_MODES = ['reject', 'insufficient', 'hang', 'html', 'empty', 'truncated', 'tis620', 'reset'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/**
 * Outcomes for the next accepted refills: success / fail (settles as cancelled, refunded) after
 * settleAfterMs; slow: success after slowSettleAfterMs; hang: the order is created (it settles as
 * success) but the refill request itself is never answered.
 */
export const OUTCOMES = ['success', 'fail', 'slow', 'hang'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type RequestKind = 'refill' | 'update' | 'return' | 'balance' | 'online' | 'unknown';

/**
 * pending → success | failed (provider-side failure) | cancelled (our `return`);
 * success → reversed (settle(id, 'failed') after success: refunded, both flags 1).
 */
export type SimOrderStatus = 'pending' | 'success' | 'failed' | 'cancelled' | 'reversed';

export interface SimOrder {
  orderId: string;
  network: Network;
  number: string;
  cash: number;
  users: string;
  discountSatang: number;
  chargedSatang: number;
  status: SimOrderStatus;
  outcome: Outcome;
  createdAt: number;
  settledAt?: number;
}

export interface SimRequest {
  at: number;
  kind: RequestKind;
  /** The form fields as received, minus the password. */
  fields: Record<string, string>;
  fault?: FaultMode;
}

export interface FaultOptions {
  /** How many requests the fault applies to; omitted = until clearFault(). */
  times?: number;
  /** For hang/html/empty/truncated/reset: process the request before spoiling the reply (default true). */
  processFirst?: boolean;
  /** Only requests of these kinds are affected (and counted); default all. */
  kinds?: readonly RequestKind[];
}

/** Structurally compatible with a pino logger. */
export interface SimulatorLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface SimulatorOptions {
  username?: string; // default 'demo'
  password?: string; // default 'demo'
  /** Starting merchant balance; default 1_000_000 (10,000 baht). */
  balanceSatang?: number;
  /** Discount as a percentage of cash; default 3. */
  discountPercent?: number;
  /** Baht amounts a refill may carry; default 10–100 by 10, then 150…1000. */
  allowedCash?: readonly number[];
  networkCodes?: Record<Network, number>;
  /** Delay before a pending order settles; default 10_000. Infinity = only settle() settles. */
  settleAfterMs?: number;
  /** Delay for the `slow` outcome; default max(60_000, 6 × settleAfterMs). */
  slowSettleAfterMs?: number;
  /** Where settled orders are POSTed (form-encoded); optional. */
  callbackUrl?: string;
  /** The protocol path used in the URL that listen() returns; any path is served. */
  path?: string;
  /** Serve /_sim/control and /_sim/state (default true). */
  control?: boolean;
  logger?: SimulatorLogger;
  /** Order IDs are this number onwards, zero-padded to 8 digits (default 1 → "00000001"). */
  firstOrderId?: number;
  /**
   * Where the state (balance, networks, orders, the next ORDERID) is kept across restarts, as
   * a provider keeps its own: demo mode passes a file in DATA_DIR. Tests keep it in memory.
   */
  store?: JsonFile<PersistedSimulator>;
}

/** The simulator's state as stored between runs. */
export interface PersistedSimulator {
  balanceSatang: number;
  online: Record<Network, boolean>;
  orders: SimOrder[];
  nextOrderId: number;
  accepted: number;
}

export interface SimulatorState {
  balanceSatang: number;
  online: Record<Network, boolean>;
  orders: Map<string, SimOrder>;
}
