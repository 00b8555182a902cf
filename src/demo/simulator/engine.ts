/**
 * The simulated provider's business logic, free of HTTP: credentials, balance, network flags,
 * refill validation, orders and their settlement timers. Each request becomes a list of reply
 * fields (and, for the `hang` outcome, the instruction never to answer).
 */
import { NETWORKS, type Network } from '../../networks.ts';
import { DEFAULT_NETWORK_CODES } from '../../networks.ts';
import { formatSatang } from '../../provider/money.ts';
import { CallbackSender } from './callbacks.ts';
import { OutcomeQueue } from './faults.ts';
import type { ReplyFields } from './reply.ts';
import type { PersistedSimulator, RequestKind, SimOrder, SimulatorOptions, SimulatorState } from './types.ts';

export const DETAIL = {
  credentials: 'ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง',
  insufficient: 'ยอดเงินคงเหลือไม่เพียงพอ',
  offline: 'เครือข่ายปิดปรับปรุง',
  badNumber: 'หมายเลขโทรศัพท์ไม่ถูกต้อง',
  badCash: 'จำนวนเงินไม่ถูกต้อง',
  badNetwork: 'หมายเลขเครือข่ายไม่ถูกต้อง',
  notFound: 'ไม่พบรายการ',
  cannotCancel: 'ไม่สามารถยกเลิกรายการนี้ได้',
  unknownCall: 'ไม่พบฟังก์ชันที่เรียกใช้',
  temporary: 'ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้ง',
  settledSuccess: 'เติมเงินสำเร็จ',
  settledFailed: 'เติมเงินไม่สำเร็จ หมายเลขไม่ตรงกับเครือข่าย',
  settledCancelled: 'ยกเลิกรายการสำเร็จ',
  settledReversed: 'ยกเลิกรายการและคืนเงินแล้ว',
} as const;

const DEFAULT_ALLOWED_CASH = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 150, 200, 300, 500, 800, 1000];
const MAX_TIMER_MS = 2 ** 31 - 1; // setTimeout fires immediately beyond this

export interface EngineResult {
  fields: ReplyFields;
  /** The `hang` outcome: the order was created but its refill request gets no answer. */
  hang?: boolean;
}

export function rejected(detail: string): ReplyFields {
  return [
    ['STATUS', '0'],
    ['DETAIL', detail],
  ];
}

export function requestKind(fields: Record<string, string>): RequestKind {
  const mobile = fields.mobile;
  if (mobile === 'refill' || mobile === 'update' || mobile === 'return') return mobile;
  if (mobile === undefined && fields.amount === '1') return 'balance';
  if (mobile === undefined && fields.online === '1') return 'online';
  return 'unknown';
}

export class Engine {
  readonly state: SimulatorState;
  readonly outcomes = new OutcomeQueue();
  readonly callbacks: CallbackSender;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly username: string;
  private readonly password: string;
  private readonly discountPercent: number;
  private readonly allowedCash: ReadonlySet<number>;
  private readonly codeToNetwork: Map<string, Network>;
  private readonly settleAfterMs: number;
  private readonly slowSettleAfterMs: number;
  private nextOrderId: number;
  private accepted = 0;
  private closed = false;

  constructor(options: SimulatorOptions) {
    this.username = options.username ?? 'demo';
    this.password = options.password ?? 'demo';
    this.discountPercent = options.discountPercent ?? 3;
    this.allowedCash = new Set(options.allowedCash ?? DEFAULT_ALLOWED_CASH);
    const codes = options.networkCodes ?? DEFAULT_NETWORK_CODES;
    this.codeToNetwork = new Map(NETWORKS.map((n) => [String(codes[n]), n]));
    this.settleAfterMs = options.settleAfterMs ?? 10_000;
    this.slowSettleAfterMs = options.slowSettleAfterMs ?? Math.max(60_000, 6 * this.settleAfterMs);
    this.nextOrderId = options.firstOrderId ?? 1;
    this.callbacks = new CallbackSender(options.callbackUrl, options.logger);
    this.state = {
      balanceSatang: options.balanceSatang ?? 1_000_000,
      online: Object.fromEntries(NETWORKS.map((n) => [n, true])) as Record<Network, boolean>,
      orders: new Map(),
    };
    this.store = options.store;
    const stored = this.store?.read();
    if (stored) this.restore(stored);
  }

  private readonly store: SimulatorOptions['store'];

  /** Keeps the state for the next run (demo mode); call after every change. */
  save(): void {
    this.store?.write({
      balanceSatang: this.state.balanceSatang,
      online: this.state.online,
      orders: [...this.state.orders.values()],
      nextOrderId: this.nextOrderId,
      accepted: this.accepted,
    });
  }

  /** Carries on from a stored run: same balance and networks, ORDERIDs continue, pending orders settle. */
  private restore(stored: PersistedSimulator): void {
    this.state.balanceSatang = stored.balanceSatang;
    Object.assign(this.state.online, stored.online);
    for (const order of stored.orders) this.state.orders.set(order.orderId, order);
    this.nextOrderId = Math.max(this.nextOrderId, stored.nextOrderId);
    this.accepted = stored.accepted;
    for (const order of stored.orders) {
      if (order.status !== 'pending') continue;
      const delay = order.outcome === 'slow' ? this.slowSettleAfterMs : this.settleAfterMs;
      this.schedule(order.orderId, Math.max(0, order.createdAt + delay - Date.now()), order.outcome === 'fail' ? 'failed' : 'success');
    }
  }

  refillCount(): number {
    return this.accepted;
  }

  handle(fields: Record<string, string>): EngineResult {
    if (fields.username !== this.username || fields.password !== this.password) {
      return { fields: rejected(DETAIL.credentials) };
    }
    switch (requestKind(fields)) {
      case 'refill':
        return this.refill(fields);
      case 'update':
        return { fields: this.update(fields.orderid ?? '') };
      case 'return':
        return { fields: this.cancel(fields.orderid ?? '') };
      case 'balance':
        return {
          fields: [
            ['STATUS', '1'],
            ['AMOUNT', formatSatang(this.state.balanceSatang)],
          ],
        };
      case 'online':
        return { fields: [['STATUS', '1'], ...NETWORKS.map((n) => [n, this.state.online[n] ? '1' : '0'] as const)] };
      case 'unknown':
        return { fields: rejected(DETAIL.unknownCall) };
    }
  }

  private refill(fields: Record<string, string>): EngineResult {
    const number = fields.number ?? '';
    if (!/^0[689]\d{8}$/.test(number)) return { fields: rejected(DETAIL.badNumber) };
    const network = this.codeToNetwork.get((fields.network ?? '').trim());
    if (!network) return { fields: rejected(DETAIL.badNetwork) };
    const cashText = fields.cash ?? '';
    const cash = /^\d{1,6}$/.test(cashText) ? Number(cashText) : NaN;
    if (!this.allowedCash.has(cash)) return { fields: rejected(DETAIL.badCash) };
    if (!this.state.online[network]) return { fields: rejected(DETAIL.offline) };
    const discountSatang = Math.round((cash * 100 * this.discountPercent) / 100);
    const chargedSatang = cash * 100 - discountSatang;
    if (this.state.balanceSatang < chargedSatang) return { fields: rejected(DETAIL.insufficient) };

    const outcome = this.outcomes.take();
    const order: SimOrder = {
      orderId: String(this.nextOrderId++).padStart(8, '0'),
      network,
      number,
      cash,
      users: fields.users || this.username,
      discountSatang,
      chargedSatang,
      status: 'pending',
      outcome,
      createdAt: Date.now(),
    };
    this.state.balanceSatang -= chargedSatang;
    this.state.orders.set(order.orderId, order);
    this.accepted += 1;
    this.save();
    this.schedule(order.orderId, outcome === 'slow' ? this.slowSettleAfterMs : this.settleAfterMs, outcome === 'fail' ? 'failed' : 'success');

    return {
      fields: [
        ['STATUS', '1'],
        ['ORDERID', order.orderId],
        ['DISCOUNT', formatSatang(discountSatang)],
      ],
      hang: outcome === 'hang',
    };
  }

  private update(orderId: string): ReplyFields {
    const order = this.state.orders.get(orderId.trim());
    if (!order) return rejected(DETAIL.notFound);
    const refunded = order.status === 'failed' || order.status === 'cancelled' || order.status === 'reversed';
    return [
      ['STATUS', '1'],
      ['AMOUNT', formatSatang(this.state.balanceSatang)],
      ['REALAMOUNT', formatSatang(refunded ? 0 : order.chargedSatang)],
      ['STATUS_REFILL', order.status === 'success' || order.status === 'reversed' ? '1' : '0'],
      ['STATUS_CANCEL', refunded ? '1' : '0'],
    ];
  }

  /** `return`: only a pending order can be cancelled; it is refunded at once. */
  private cancel(orderId: string): ReplyFields {
    const order = this.state.orders.get(orderId.trim());
    if (!order) return rejected(DETAIL.notFound);
    if (order.status !== 'pending') return rejected(DETAIL.cannotCancel);
    this.finish(order, 'cancelled');
    return [['STATUS', '1']];
  }

  /**
   * Settles an order by hand: a pending one to success/failed; a successful one to 'failed'
   * means a reversal (refunded, STATUS_REFILL and STATUS_CANCEL both 1).
   */
  settle(orderId: string, result: 'success' | 'failed'): SimOrder {
    const order = this.state.orders.get(orderId);
    if (!order) throw new RangeError(`no such order: ${orderId}`);
    if (order.status === 'pending') this.finish(order, result);
    else if (order.status === 'success' && result === 'failed') this.finish(order, 'reversed');
    else if (order.status !== result) throw new RangeError(`order ${orderId} is already ${order.status}`);
    return order;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.callbacks.stop();
  }

  private schedule(orderId: string, delayMs: number, result: 'success' | 'failed'): void {
    if (this.closed || !(delayMs >= 0 && delayMs <= MAX_TIMER_MS)) return; // Infinity: settle() only
    const timer = setTimeout(() => {
      this.timers.delete(orderId);
      const order = this.state.orders.get(orderId);
      if (order?.status === 'pending') this.finish(order, result);
    }, delayMs);
    timer.unref(); // a demo bot or a test must be able to exit with orders still pending
    this.timers.set(orderId, timer);
  }

  private finish(order: SimOrder, status: 'success' | 'failed' | 'cancelled' | 'reversed'): void {
    const timer = this.timers.get(order.orderId);
    if (timer) clearTimeout(timer);
    this.timers.delete(order.orderId);
    if (status !== 'success') this.state.balanceSatang += order.chargedSatang; // refund
    order.status = status;
    order.settledAt = Date.now();
    this.save();
    const detail = {
      success: DETAIL.settledSuccess,
      failed: DETAIL.settledFailed,
      cancelled: DETAIL.settledCancelled,
      reversed: DETAIL.settledReversed,
    }[status];
    this.callbacks.send({
      orderid: order.orderId,
      status_refill: status === 'success' || status === 'reversed' ? '1' : '0',
      status_cancel: status === 'success' ? '0' : '1',
      realamount: formatSatang(this.state.balanceSatang), // as documented: the balance left
      detail,
    });
  }
}
