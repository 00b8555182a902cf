/** Small Flex building blocks shared by the cards, so every card looks like the same shop. */
import type { messagingApi } from '@line/bot-sdk';

type FlexBox = messagingApi.FlexBox;
type FlexText = messagingApi.FlexText;
type FlexComponent = messagingApi.FlexComponent;

export const SHOP_GREEN = '#06C755';
export const MUTED = '#8C8C8C';

/** A label on the left, a value on the right. */
export function row(labelText: string, value: string, valueStyle: Partial<FlexText> = {}): FlexBox {
  return {
    type: 'box',
    layout: 'horizontal',
    spacing: 'md',
    contents: [
      // Thai labels run long ("รหัสผู้ให้บริการ"): wrap them rather than let LINE cut them off.
      { type: 'text', text: labelText, size: 'sm', color: MUTED, flex: 3, wrap: true },
      { type: 'text', text: value, size: 'sm', color: '#111111', flex: 5, align: 'end', wrap: true, ...valueStyle },
    ],
  };
}

export function title(text: string, color = '#111111'): FlexText {
  return { type: 'text', text, weight: 'bold', size: 'lg', color, wrap: true };
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
