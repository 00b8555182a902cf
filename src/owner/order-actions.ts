/**
 * The buttons of an `unknown` order's card: สำเร็จแล้ว / ไม่สำเร็จ settle it through the order
 * service (the same path as the provider's word: credit settled, customer told), ตรวจสอบอีกครั้ง
 * asks the provider again, ผูกกับ … ties a provider order to it. Two owners tapping at once: one
 * settles, the other is told.
 */
import type { OrderRow } from '../db/schema.ts';
import { formatBaht, formatMobile } from '../format.ts';
import type { T } from '../i18n.ts';
import type { LineMessage } from '../line/client.ts';
import { postbackChip, textMessage } from '../line/messages/text.ts';
import { encodePostback } from '../line/postback.ts';
import type { Logger } from '../log.ts';
import type { OrderService } from '../orders/service.ts';
import { linkData, OWNER_ACTIONS } from './cards/index.ts';

export async function resolveOrder(
  orders: OrderService,
  t: T,
  request: { orderId: string; to: 'success' | 'failed'; ownerId: string; sure?: boolean },
): Promise<LineMessage[]> {
  const outcome = await orders.resolveByOwner(request);
  switch (outcome.kind) {
    case 'notFound':
      return [textMessage(t('owner.resolve.notFound'))];
    case 'already':
      return [textMessage(alreadySettled(t, outcome.order))];
    case 'resolved':
      return [textMessage(t(`owner.resolve.${request.to}`, vars(outcome.order)))];
    case 'confirmFailed': {
      // The provider may have done it after all: tie first, or say "failed" once more.
      const { order, candidates } = outcome;
      const ids = candidates.map((p) => p.providerOrderId);
      return [
        textMessage(t('owner.confirmFailed.text', { ref: order.ref, ids: ids.join(', ') }), [
          ...ids.map((id) => postbackChip(t('owner.confirmFailed.link', { id }), linkData(order, id))),
          postbackChip(t('owner.confirmFailed.sure'), encodePostback(OWNER_ACTIONS.failed, { order: order.id, sure: '1' })),
        ]),
      ];
    }
  }
}

/** `ผูกกับ …` on a provider order's card or an unknown order's card. */
export async function linkOrder(orders: OrderService, t: T, request: { orderId: string; providerOrderId: string; ownerId: string }): Promise<LineMessage[]> {
  const outcome = await orders.linkProviderOrder(request);
  if (outcome.kind === 'notFound') return [textMessage(t('owner.resolve.notFound'))];
  if (outcome.kind === 'already') return [textMessage(t('owner.providerOrder.linked.already'))];
  const { order } = outcome;
  const linked = { id: request.providerOrderId, ref: order.ref };
  if (outcome.providerDown) return [textMessage(t('owner.providerOrder.linked.providerDown', linked))];
  const state = order.status === 'success' ? 'success' : order.status === 'failed' ? 'failed' : 'pending';
  return [textMessage(t(`owner.providerOrder.linked.${state}`, linked))];
}

export async function recheckOrder(orders: OrderService, t: T, orderId: string, logger: Logger): Promise<LineMessage[]> {
  const outcome = await orders.recheck(orderId);
  switch (outcome.kind) {
    case 'notFound':
      return [textMessage(t('owner.resolve.notFound'))];
    case 'already':
      return [textMessage(alreadySettled(t, outcome.order))];
    case 'noProviderRef':
      return [textMessage(t('owner.recheck.noProviderRef', vars(outcome.order)))];
    case 'providerDown':
      logger.warn({ err: outcome.error, ref: outcome.order.ref }, 'owner re-check: provider did not answer');
      return [textMessage(t('owner.recheck.providerDown', vars(outcome.order)))];
    case 'settled':
      return [textMessage(t(`owner.recheck.${outcome.order.status}`, vars(outcome.order)))];
    case 'stillUnknown':
      return [textMessage(t('owner.recheck.stillPending', vars(outcome.order)))];
  }
}

function alreadySettled(t: T, order: OrderRow): string {
  return t('owner.resolve.already', { ...vars(order), state: t(`status.state.${order.status}`, { defaultValue: order.status }) });
}

function vars(order: OrderRow) {
  return { ref: order.ref, number: formatMobile(order.number), amount: formatBaht(order.amountSatang) };
}
