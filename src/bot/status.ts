/** "เช็คสถานะ" and "ยกเลิก" with nothing in progress: about the customer's real orders. */
import { listRecentOrders } from '../db/queries/orders.ts';
import { formatBaht, formatDateTime, formatMobile } from '../format.ts';
import { languageOf } from '../i18n.ts';
import { textMessage } from '../line/messages/text.ts';
import type { EventContext } from './context.ts';
import { helpChips } from './render.ts';

const STATUS_ORDERS = 5;

export async function replyStatus(ctx: EventContext): Promise<void> {
  const orders = ctx.userId ? await listRecentOrders(ctx.deps.db, { userId: ctx.userId, limit: STATUS_ORDERS }) : [];
  if (orders.length === 0) return ctx.respond([textMessage(ctx.t('status.none'), helpChips(ctx.t))]);
  const lines = orders.map((o) =>
    ctx.t('status.line', {
      ref: o.ref,
      number: formatMobile(o.number),
      amount: formatBaht(o.amountSatang),
      state: ctx.t(`status.state.${o.status}`),
      time: formatDateTime(o.confirmedAt ?? o.createdAt, languageOf(ctx.t)),
    }),
  );
  return ctx.respond([textMessage([ctx.t('status.title'), ...lines].join('\n'), helpChips(ctx.t))]);
}

export async function replyCancelLatest(ctx: EventContext): Promise<void> {
  if (!ctx.userId) return ctx.respond([textMessage(ctx.t('cancelOrder.none'))]);
  const outcome = await ctx.deps.orders.requestCancel({ userId: ctx.userId });
  const vars = outcome.kind === 'none' ? {} : { ref: outcome.order.ref };
  return ctx.respond([textMessage(ctx.t(`cancelOrder.${outcome.kind}`, vars), helpChips(ctx.t))]);
}
