/** Small Flex building blocks shared by the cards, so every card looks like the same shop. */
import type { messagingApi } from '@line/bot-sdk';

type FlexBox = messagingApi.FlexBox;
type FlexText = messagingApi.FlexText;
type FlexComponent = messagingApi.FlexComponent;

export const SHOP_GREEN = '#06C755';
export const MUTED = '#8C8C8C';

/**
 * A label on the left, a value on the right. The label keeps its natural width on one line
 * (flex 0): a Thai label broken in two ("เลขที่/รายการ") reads as two words. The value takes
 * the rest and wraps only if it must. Labels are kept short so both fit a 360 px phone.
 */
export function row(labelText: string, value: string, valueStyle: Partial<FlexText> = {}): FlexBox {
  return {
    type: 'box',
    layout: 'baseline',
    spacing: 'md',
    contents: [
      { type: 'text', text: labelText, size: 'sm', color: MUTED, flex: 0 },
      { type: 'text', text: value, size: 'sm', color: '#111111', flex: 1, align: 'end', wrap: true, ...valueStyle },
    ],
  };
}

/** A label with a long value under it, full width (a reason, a LINE user id). */
export function stackedRow(labelText: string, value: string, valueStyle: Partial<FlexText> = {}): FlexBox {
  return {
    type: 'box',
    layout: 'vertical',
    contents: [
      { type: 'text', text: labelText, size: 'sm', color: MUTED },
      { type: 'text', text: value, size: 'sm', color: '#111111', wrap: true, ...valueStyle },
    ],
  };
}

export function title(text: string, color = '#111111'): FlexText {
  return { type: 'text', text, weight: 'bold', size: 'lg', color, wrap: true };
}

/** A short line under a card's title (a date, a period): small and muted. */
export function subtitle(text: string): FlexText {
  return { type: 'text', text, size: 'xs', color: MUTED, margin: 'xs' };
}

export function note(text: string): FlexText {
  return { type: 'text', text, size: 'xs', color: MUTED, wrap: true };
}

export function separator(): messagingApi.FlexSeparator {
  return { type: 'separator', margin: 'md' };
}

export function postbackButton(
  labelText: string,
  data: string,
  style: 'primary' | 'secondary' | 'link',
  displayText = labelText,
): messagingApi.FlexButton {
  return {
    type: 'button',
    style,
    height: 'sm',
    ...(style === 'primary' ? { color: SHOP_GREEN } : {}),
    action: { type: 'postback', label: labelText, data, displayText },
  };
}

export function bubble(options: { header?: FlexComponent[]; body: FlexComponent[]; footer?: FlexComponent[] }): messagingApi.FlexBubble {
  return {
    type: 'bubble',
    size: 'kilo',
    ...(options.header
      ? { header: { type: 'box', layout: 'vertical', contents: options.header, paddingBottom: 'none' } }
      : {}),
    body: { type: 'box', layout: 'vertical', spacing: 'md', contents: options.body },
    ...(options.footer ? { footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: options.footer } } : {}),
  };
}

export function flexMessage(altText: string, contents: messagingApi.FlexContainer): messagingApi.FlexMessage {
  return { type: 'flex', altText: altText.slice(0, 1500), contents };
}
