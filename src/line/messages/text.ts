/** Plain text messages and quick-reply chips. */
import type { messagingApi } from '@line/bot-sdk';

export type QuickChip = messagingApi.QuickReplyItem;

/** LINE cuts quick-reply labels at 20 characters; keep ours short by design, and safe. */
const QUICK_LABEL_MAX = 20;
const QUICK_ITEMS_MAX = 13;

function label(text: string): string {
  const graphemes = [...new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);
  return graphemes.length <= QUICK_LABEL_MAX ? text : `${graphemes.slice(0, QUICK_LABEL_MAX - 1).join('')}…`;
}

/** A chip that sends `text` as if the customer typed it: visible, and parsed by the NLU. */
export function messageChip(chipLabel: string, text = chipLabel): QuickChip {
  return { type: 'action', action: { type: 'message', label: label(chipLabel), text } };
}

export function postbackChip(chipLabel: string, data: string, displayText = chipLabel): QuickChip {
  return { type: 'action', action: { type: 'postback', label: label(chipLabel), data, displayText } };
}

export function textMessage(text: string, chips: QuickChip[] = []): messagingApi.TextMessage {
  return chips.length ? { type: 'text', text, quickReply: { items: chips.slice(0, QUICK_ITEMS_MAX) } } : { type: 'text', text };
}
