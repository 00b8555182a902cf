/**
 * The confirm tap (the ยืนยัน button, or a typed yes under a live card: the same path, the same
 * checks, the same answers). Confirm is the one gate into the money path: one atomic UPDATE, so
 * a double tap or a redelivery does nothing twice.
 */
import { endConversation } from '../db/queries/conversations.ts';
import type { OrderRow } from '../db/schema.ts';
import { formatBaht } from '../format.ts';
import { messageChip, postbackChip, textMessage } from '../line/messages/text.ts';
import { encodePostback } from '../line/postback.ts';
import type { ConfirmOutcome } from '../orders/confirm.ts';
import type { SubmitOutcome } from '../orders/submit.ts';
import { within } from './background.ts';
import type { EventContext } from './context.ts';
import { forgetConversation } from './conversation-memo.ts';
import { currentDraft } from './order-actions.ts';
import { limitText, renderSubmitOutcome, repeatData } from './order-news.ts';
import { helpChips, type LineMessage } from './render.ts';
import { insufficientCredit, notTrusted } from './wallet.ts';

/**
 * How long the tap waits for the refill's answer before answering "under way" (DESIGN §5:
 * answered within 2 s whatever the provider does). Most refills answer well within it, and then
 * the reply carries the outcome itself.
 */
const ANSWER_WITHIN_MS = 1_200;

export async function confirm(ctx: EventContext, orderId: string, token: string): Promise<void> {
  const { db, orders, background } = ctx.deps;
  // Limits, payment and draft → confirmed (with the credit's hold): a short credit confirms nothing.
  const outcome = await orders.confirm({ orderId, token, chatId: ctx.chatId, userId: ctx.userId ?? ctx.chatId });
  if (outcome.kind !== 'confirmed') return ctx.respond(await notConfirmed(ctx, outcome, token));
  const confirmed = outcome.order;

  await endConversation(db, ctx.chatId);
  forgetConversation(db, ctx.chatId);
  // The refill runs outside this chat's event queue: a slow provider never delays the next message.
  // (A submit that throws leaves the order `submitting`: the reconciler makes it `unknown` and
  // tells the customer; here the tap is answered "under way".)
  const submitting = background.run('refill', () => orders.submit(confirmed)).catch(() => undefined);
  const early = await within(submitting, ANSWER_WITHIN_MS);
  if (!early) {
    // Answered "under way": a failure or an unknown outcome goes out by push when it comes.
    void submitting.then((late) => (late?.kind === 'failed' || late?.kind === 'unknown' ? orders.releaseHeldNews(late.order) : undefined));
  }
  const submitted: SubmitOutcome = early ?? { kind: 'deferred', order: confirmed };
  const reply = renderSubmitOutcome(ctx.t, submitted);
  if (outcome.wallet && (submitted.kind === 'pending' || submitted.kind === 'deferred' || submitted.kind === 'unknown')) {
    // The credit is set aside until the result: say so under the first answer.
    const held = ctx.t('credit.hold', { amount: formatBaht(confirmed.amountSatang), balance: formatBaht(outcome.wallet.balanceSatang) });
    const first = reply[0];
    if (first?.type === 'text') reply[0] = { ...first, text: `${first.text}\n${held}` };
  }
  await ctx.respond(reply);
  if (submitted.kind === 'failed' || submitted.kind === 'unknown') await orders.answeredByReply(submitted.order);
}

async function notConfirmed(ctx: EventContext, outcome: Exclude<ConfirmOutcome, { kind: 'confirmed' }>, token: string): Promise<LineMessage[]> {
  switch (outcome.kind) {
    case 'limited':
      return [textMessage(limitText(ctx.t, outcome.hit))];
    case 'notAllowed':
      return [notTrusted(ctx)];
    case 'insufficient': {
      const d = outcome.draft;
      const minutesLeft = d.expiresAt ? Math.max(1, Math.floor((d.expiresAt.getTime() - Date.now()) / 60_000)) : 0;
      return [insufficientCredit(ctx, d.amountSatang, outcome.wallet.balanceSatang, minutesLeft)];
    }
    case 'notConfirmed':
      return whyNotConfirmed(ctx, outcome.order, token);
  }
}

/** A confirm that changed nothing: say which card counts, with a button that leads on. */
async function whyNotConfirmed(ctx: EventContext, order: OrderRow | undefined, token: string): Promise<LineMessage[]> {
  const { t } = ctx;
  if (!order || order.confirmToken !== token || order.chatId !== ctx.chatId) return [textMessage(t('order.notFound'), helpChips(t))];
  const again = postbackChip(t('order.again'), repeatData(order));
  if (order.status === 'expired' && order.detail === 'superseded') {
    // Replaced by a newer card: show that one again, or (if it is gone too) make this one anew.
    if (await currentDraft(ctx)) return [textMessage(t('order.superseded'), [postbackChip(t('order.showCurrent'), encodePostback('current'))])];
    return [textMessage(t('order.supersededGone'), [again])];
  }
  if (order.status === 'expired' || order.status === 'draft') return [textMessage(t('order.expired'), [again])];
  return [textMessage(t('order.alreadyHandled', { ref: order.ref, state: t(`status.state.${order.status}`) }), [messageChip(t('chip.status'))])];
}
