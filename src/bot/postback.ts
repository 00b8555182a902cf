/**
 * Buttons: `action=confirm|edit|cancel|change|repeat|receipt|current` (DESIGN §3). Confirm, the
 * one gate into the money path, is confirm.ts.
 */
import type { webhook } from '@line/bot-sdk';
import { textMessage } from '../line/messages/text.ts';
import { decodePostback } from '../line/postback.ts';
import type { Slot } from '../chat/types.ts';
import { confirm } from './confirm.ts';
import type { EventContext } from './context.ts';
import { converse } from './customer.ts';
import { editOrder, repeatOrder, sendReceipt, showCurrentCard } from './order-actions.ts';
import { helpChips } from './render.ts';

const SLOTS: readonly Slot[] = ['number', 'network', 'amount'];

export async function onCustomerPostback(ctx: EventContext<webhook.PostbackEvent>): Promise<void> {
  const { action, fields } = decodePostback(ctx.event.postback.data);
  switch (action) {
    case 'confirm':
      return confirm(ctx, fields.order ?? '', fields.t ?? '');
    case 'edit':
      return editOrder(ctx, fields.order);
    case 'repeat':
      return repeatOrder(ctx, fields.order);
    case 'receipt':
      return sendReceipt(ctx, fields.order);
    case 'current':
      return showCurrentCard(ctx);
    case 'cancel':
      return converse(ctx, { kind: 'cancel' });
    case 'change': {
      const slot = SLOTS.find((s) => s === fields.slot);
      if (slot) return converse(ctx, { kind: 'change', slot });
      break;
    }
  }
  ctx.logger.info({ action }, 'postback with an unknown action; showing help');
  return ctx.respond([textMessage(ctx.t('help'), helpChips(ctx.t))]);
}
