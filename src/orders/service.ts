/**
 * The money path (DESIGN §5). Every move is a conditional transition, so whoever gets there
 * second — a double tap, a redelivered event, another instance, a duplicate callback —
 * changes nothing. A refill is sent only after `submitting` is committed, and never twice.
 */
import { isNull, sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { findOrder, scheduleOrderCheck, transitionOrder } from '../db/queries/orders.ts';
import { withdrawMessages } from '../db/queries/outbox.ts';
import { orders, type OrderRow, type OrderStatus } from '../db/schema.ts';
import { formatBaht, formatMobile } from '../format.ts';
import { translator } from '../i18n.ts';
import type { LineMessage } from '../line/client.ts';
import { networkName } from '../line/messages/brand.ts';
import { textMessage } from '../line/messages/text.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { isNetwork } from '../networks.ts';
import { ProviderAmbiguous, ProviderRejected, ProviderUnreachable } from '../provider/errors.ts';
import type { ProviderClient, UpdateResult } from '../provider/client.ts';
import { settleOrderCredit, type CreditChange } from '../wallet/ledger.ts';
import { raiseAlert } from './alerts.ts';
import type { SubmitOutcome } from './hooks.ts';
import { notifyResult, resultKey, type FailureReason } from './notify.ts';

export interface OrderDeps {
  db: Db;
  provider: ProviderClient;
  config: Config;
  logger: Logger;
  metrics: Metrics;
  /** Wakes the outbox worker after a notification is queued. */
  kickOutbox: () => void;
  /** The owners' alert for an `unknown` order (the owners' module supplies its card); text otherwise. */
  unknownOrderMessage?: (order: OrderRow, why: string) => LineMessage;
}

/** Results appear 10 s after a refill at the earliest (DESIGN §4). */
export const FIRST_CHECK_MS = 10_000;
/** A submit's outcome goes to the customer by reply; its push is held this long as a fallback. */
const REPLY_WINDOW_MS = 60_000;
/**
 * A `submitting` order older than the provider timeout plus this margin has no live sender:
 * the instance that sent it died mid-call.
 */
const SUBMIT_MARGIN_MS = 5_000;
/** After this long without a result, a person has to look. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

/** Next poll of a pending order: 10 s, then doubling, at most every 10 minutes. */
export function nextCheckDelayMs(attempts: number): number {
  return Math.min(FIRST_CHECK_MS * 2 ** attempts, 10 * 60_000);
}

const after = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;

export function createOrderService(deps: OrderDeps) {
  const { db, provider, logger, metrics } = deps;

  /**
   * Moves an order, settles its credit (capture, release or refund in wallet mode) and queues
   * the news about it in one transaction: a crash in between would otherwise leave a final order
   * whose customer is never told, or whose hold is never released.
   */
  async function moveSettleAndAnnounce(
    move: Parameters<typeof transitionOrder>[1],
    announce: (tx: DbOrTx, order: OrderRow, credit: CreditChange | undefined) => Promise<unknown>,
  ): Promise<{ order: OrderRow; credit?: CreditChange } | undefined> {
    const moved = await db.transaction(async (tx) => {
      const row = await transitionOrder(tx, move);
      if (!row) return undefined;
      const credit = await settleOrderCredit(tx, row);
      await announce(tx, row, credit);
      return { order: row, credit };
    });
    if (moved) {
      metrics.orderFinal.inc({ status: moved.order.status });
      deps.kickOutbox();
    }
    return moved;
  }

  async function moveAndAnnounce(
    move: Parameters<typeof transitionOrder>[1],
    announce: (tx: DbOrTx, order: OrderRow, credit: CreditChange | undefined) => Promise<unknown>,
  ): Promise<OrderRow | undefined> {
    return (await moveSettleAndAnnounce(move, announce))?.order;
  }

  /** `holdMs`: the customer is about to hear it by reply; the push waits as a fallback only. */
  async function failSettled(
    order: OrderRow,
    from: OrderStatus[],
    reason: FailureReason,
    detail?: string,
    holdMs?: number,
  ): Promise<{ order: OrderRow; credit?: CreditChange } | undefined> {
    return moveSettleAndAnnounce(
      { id: order.id, from, to: reason === 'cancelled' ? 'cancelled' : 'failed', reason, set: { detail: detail ?? reason } },
      (tx, failed, credit) => notifyResult(tx, failed, { kind: 'failed', reason, detail, holdMs, credit }),
    );
  }

  async function fail(order: OrderRow, from: OrderStatus[], reason: FailureReason, detail?: string, holdMs?: number): Promise<OrderRow | undefined> {
    return (await failSettled(order, from, reason, detail, holdMs))?.order;
  }

  async function markUnknown(order: OrderRow, from: OrderStatus[], why: string, holdMs?: number): Promise<OrderRow | undefined> {
    return moveAndAnnounce(
      {
        id: order.id,
        from,
        to: 'unknown',
        reason: why,
        // Keep asking the provider now and then when we know its ORDERID.
        set: { detail: why, nextCheckAt: order.providerOrderId ? after(60 * 60_000) : null },
      },
      async (tx, unknown) => {
        await notifyResult(tx, unknown, { kind: 'unknown', holdMs });
        await raiseAlert(
          tx,
          {
            dedupeKey: `order:${unknown.id}:unknown`,
            kind: 'order_unknown',
            payload: { orderId: unknown.id, ref: unknown.ref, why },
            messages: [deps.unknownOrderMessage?.(unknown, why) ?? ownerUnknownMessage(unknown, why)],
          },
          deps.config.owner.groupIds,
        );
      },
    );
  }

  /** confirmed → submitting → refill → pending | failed | unknown. */
  async function submitConfirmed(order: OrderRow): Promise<SubmitOutcome> {
    // Committed before the HTTP call: a crash from here on leaves `submitting` (maybe sent),
    // which the reconciler turns into `unknown`, never into a second refill.
    const sending = await transitionOrder(db, {
      id: order.id,
      from: ['confirmed'],
      to: 'submitting',
      reason: 'sending refill',
      set: { submittedAt: sql`now()`, nextCheckAt: after(deps.config.provider.timeoutMs + SUBMIT_MARGIN_MS) },
    });
    if (!sending) return { kind: 'deferred', order: (await findOrder(db, order.id)) ?? order };
    if (!isNetwork(sending.network)) throw new Error(`order ${sending.id} has an unknown network ${sending.network}`);

    let result;
    try {
      result = await provider.refill({
        network: sending.network,
        number: sending.number,
        cash: sending.amountSatang / 100,
        ...(sending.sender ? { users: sending.sender } : {}),
      });
    } catch (error) {
      if (error instanceof ProviderRejected) {
        metrics.refills.inc({ outcome: 'rejected' });
        const failed = await failSettled(sending, ['submitting'], 'rejected', error.detail, REPLY_WINDOW_MS);
        return { kind: 'failed', order: failed?.order ?? sending, reason: 'rejected', detail: error.detail, credit: failed?.credit };
      }
      if (error instanceof ProviderUnreachable) {
        // The request never left: nothing happened, and the customer may simply try again.
        metrics.refills.inc({ outcome: 'unreachable' });
        logger.warn({ err: error, ref: sending.ref }, 'provider unreachable; refill not sent');
        const failed = await failSettled(sending, ['submitting'], 'unreachable', undefined, REPLY_WINDOW_MS);
        return { kind: 'failed', order: failed?.order ?? sending, reason: 'unreachable', credit: failed?.credit };
      }
      // Ambiguous, or anything unexpected after the request may have left: we cannot know.
      metrics.refills.inc({ outcome: 'ambiguous' });
      logger.error({ err: error, ref: sending.ref }, 'refill outcome unknown');
      const why = error instanceof ProviderAmbiguous ? `provider reply unusable (${error.reason})` : 'unexpected error while sending';
      const unknown = await markUnknown(sending, ['submitting'], why, REPLY_WINDOW_MS);
      return { kind: 'unknown', order: unknown ?? sending };
    }

    metrics.refills.inc({ outcome: 'accepted' });
    // From `unknown` too: if a sweep gave up on us while the reply was on its way, the
    // ORDERID we now hold is exactly what resolves the order.
    const pending = await transitionOrder(db, {
      id: sending.id,
      from: ['submitting', 'unknown'],
      to: 'pending',
      reason: 'provider accepted',
      where: isNull(orders.providerOrderId),
      set: {
        providerOrderId: result.orderId,
        discountSatang: result.discountSatang,
        nextCheckAt: after(FIRST_CHECK_MS),
        checkAttempts: 0,
      },
    });
    return pending ? { kind: 'pending', order: pending } : { kind: 'deferred', order: sending };
  }

  /**
   * Acts on the provider's own `update` answer for an order: the only thing we trust.
   * Returns the order as it is afterwards.
   */
  async function applyUpdate(order: OrderRow, update: UpdateResult): Promise<OrderRow> {
    const money = { chargedSatang: update.chargedSatang, balanceAfterSatang: update.balanceSatang };
    if (update.state === 'success') {
      const done = await moveAndAnnounce(
        {
          id: order.id,
          from: ['pending', 'unknown', 'cancel_requested'],
          to: 'success',
          reason: 'provider reports success',
          set: { ...money, nextCheckAt: null },
        },
        (tx, row, credit) => notifyResult(tx, row, { kind: 'success', credit }),
      );
      return done ?? (await findOrder(db, order.id)) ?? order;
    }
    if (update.state === 'failed') {
      // A success the provider later reverses is real news: tell the customer and the owners.
      if (order.status === 'success') {
        const reversed = await moveAndAnnounce(
          { id: order.id, from: ['success'], to: 'cancelled', reason: 'provider reversed the refill', set: { ...money, detail: 'reversed' } },
          (tx, row, credit) => notifyResult(tx, row, { kind: 'reversed', reason: 'reversed', credit }),
        );
        return reversed ?? order;
      }
      const reason: FailureReason = order.status === 'cancel_requested' ? 'cancelled' : 'providerFailed';
      const failed = await fail(order, ['pending', 'unknown', 'cancel_requested'], reason);
      return failed ?? (await findOrder(db, order.id)) ?? order;
    }
    return order;
  }

  /** Polls the provider for one claimed order that is waiting on its result. */
  async function checkPending(order: OrderRow): Promise<void> {
    if (!order.providerOrderId) return;
    const age = Date.now() - (order.submittedAt ?? order.createdAt).getTime();
    try {
      const update = await provider.update(order.providerOrderId);
      const updated = await applyUpdate(order, update);
      if (updated.status !== order.status) return;
    } catch (error) {
      logger.warn({ err: error, ref: order.ref }, 'could not read the order result; will ask again');
    }
    if (order.status === 'unknown') {
      await scheduleOrderCheck(db, { id: order.id, status: 'unknown', delayMs: 60 * 60_000 });
      return;
    }
    if (age > GIVE_UP_AFTER_MS) {
      await markUnknown(order, ['pending', 'cancel_requested'], 'no result from the provider within 24 hours');
      return;
    }
    await scheduleOrderCheck(db, { id: order.id, status: order.status, delayMs: nextCheckDelayMs(order.checkAttempts + 1) });
  }

  /** The customer read the submit's outcome in a reply: drop the held fallback pushes. */
  async function answeredByReply(order: OrderRow): Promise<void> {
    await withdrawMessages(db, [resultKey(order, 'failed'), resultKey(order, 'unknown')]);
  }

  return { submitConfirmed, applyUpdate, checkPending, markUnknown, fail, answeredByReply };
}

export type OrderService = ReturnType<typeof createOrderService>;

function ownerUnknownMessage(order: OrderRow, why: string) {
  const t = translator('th');
  return textMessage(
    t('owner.orderUnknown', {
      ref: order.ref,
      number: formatMobile(order.number),
      network: networkName(order.network),
      amount: formatBaht(order.amountSatang),
      providerRef: order.providerOrderId ?? '-',
      why,
    }),
  );
}
