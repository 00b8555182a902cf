/**
 * The reconciler: one sweep finds every order that needs the provider or a decision, claimed
 * with SKIP LOCKED so several instances can sweep at once.
 *
 * - pending / cancel_requested: ask `update` (10 s after the refill, then backing off; 24 h → unknown)
 * - unknown with an ORDERID: ask `update` now and then, in case the provider knows by now
 * - confirmed and never sent (a crash between confirm and submit): submit now
 * - submitting past its deadline (a crash mid-refill): unknown, never resent
 */
import { sql } from 'drizzle-orm';
import { claimDueOrders } from '../db/queries/orders.ts';
import { enqueueMessage } from '../db/queries/outbox.ts';
import { toLanguage, translator } from '../i18n.ts';
import { formatBaht, formatMobile } from '../format.ts';
import { networkName } from '../line/messages/brand.ts';
import { textMessage } from '../line/messages/text.ts';
import type { OrderDeps, OrderService } from './service.ts';

const LEASE_MS = 60_000;
const BATCH = 20;
/** A confirmed order younger than this is still being submitted by the confirm handler. */
const CONFIRMED_GRACE_MS = 15_000;

export async function reconcileOnce(deps: OrderDeps, service: OrderService): Promise<number> {
  const { db, logger } = deps;
  let handled = 0;

  for (const status of ['pending', 'cancel_requested', 'unknown'] as const) {
    const due = await claimDueOrders(db, { status, limit: BATCH, leaseMs: LEASE_MS });
    await Promise.all(due.map((order) => service.checkPending(order)));
    handled += due.length;
  }

  const stale = await claimDueOrders(db, { status: 'submitting', limit: BATCH, leaseMs: LEASE_MS });
  for (const order of stale) {
    logger.error({ ref: order.ref }, 'refill was in flight when an instance stopped; outcome unknown');
    await service.markUnknown(order, ['submitting'], 'interrupted while sending the refill');
  }
  handled += stale.length;

  const unsent = await claimDueOrders(db, {
    status: 'confirmed',
    limit: BATCH,
    leaseMs: LEASE_MS,
    dueBefore: sql`now() - make_interval(secs => ${CONFIRMED_GRACE_MS / 1000})`,
  });
  for (const order of unsent) {
    const outcome = await service.submitConfirmed(order);
    // Nobody answered the customer's tap (the handler died): say the order is under way.
    if (outcome.kind === 'pending') {
      const t = translator(toLanguage(order.language));
      await enqueueMessage(db, {
        dedupeKey: `order:${order.id}:accepted`,
        to: order.chatId,
        messages: [
          textMessage(
            t('order.pending', {
              ref: order.ref,
              number: formatMobile(order.number),
              network: networkName(order.network),
              amount: formatBaht(order.amountSatang),
            }),
          ),
        ],
      });
      deps.kickOutbox();
    }
  }
  return handled + unsent.length;
}
