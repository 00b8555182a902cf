/**
 * The buttons of an `unknown` order's card: สำเร็จแล้ว / ไม่สำเร็จ settle it through the order
 * service (the same path as the provider's word: credit settled, customer told), ตรวจสอบอีกครั้ง
 * asks the provider again. Two owners tapping at once: one settles, the other is told.
 */
import type { OrderRow } from '../db/schema.ts';
import { formatBaht, formatMobile } from '../format.ts';
import type { T } from '../i18n.ts';
import type { LineMessage } from '../line/client.ts';
import { textMessage } from '../line/messages/text.ts';
import type { Logger } from '../log.ts';
import type { OrderService } from '../orders/service.ts';

export async function resolveOrder(
  orders: OrderService,
  t: T,
  request: { orderId: string; to: 'success' | 'failed'; ownerId: string },
): Promise<LineMessage[]> {
  const outcome = await orders.resolveByOwner(request);
  switch (outcome.kind) {
    case 'notFound':
      return [textMessage(t('owner.resolve.notFound'))];
    case 'already':
      return [textMessage(alreadySettled(t, outcome.order))];
    case 'resolved':
      return [textMessage(t(`owner.resolve.${request.to}`, vars(outcome.order)))];
  }
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
