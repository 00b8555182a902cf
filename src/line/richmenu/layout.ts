/**
 * The rich menu: one row of three buttons across LINE's compact size (2500 × 843). Each area
 * sends a plain text message the bot's NLU understands, exactly as if the customer typed it.
 */
import type { RichMenuRequest } from '../client.ts';

export const RICH_MENU_WIDTH = 2500;
export const RICH_MENU_HEIGHT = 843;

export const RICH_MENU_LABELS = ['เติมเงิน', 'เช็คสถานะ', 'วิธีใช้'] as const;
export type RichMenuLabel = (typeof RICH_MENU_LABELS)[number];

/** Font size of the labels in the image (see make-labels.ts). */
export const LABEL_FONT_PX = 104;

export interface RichMenuButton {
  label: RichMenuLabel;
  /** What tapping it sends. */
  text: string;
  color: [number, number, number];
  icon: 'topup' | 'status' | 'help';
}

export const RICH_MENU_BUTTONS: readonly RichMenuButton[] = [
  { label: 'เติมเงิน', text: 'เติมเงิน', color: [0x06, 0xc7, 0x55], icon: 'topup' },
  { label: 'เช็คสถานะ', text: 'เช็คสถานะ', color: [0x1e, 0x88, 0xe5], icon: 'status' },
  { label: 'วิธีใช้', text: 'วิธีใช้', color: [0xff, 0x8f, 0x00], icon: 'help' },
];

/** x ranges of the three areas: 833 + 834 + 833 = 2500. */
export function areaBounds(): { x: number; width: number }[] {
  const widths = [833, 834, 833];
  let x = 0;
  return widths.map((width) => {
    const area = { x, width };
    x += width;
    return area;
  });
}

export function richMenuRequest(name = 'Topup Bot menu'): RichMenuRequest {
  return {
    size: { width: RICH_MENU_WIDTH, height: RICH_MENU_HEIGHT },
    selected: true,
    name,
    chatBarText: 'เมนู',
    areas: areaBounds().map(({ x, width }, i) => {
      const button = RICH_MENU_BUTTONS[i]!;
      return {
        bounds: { x, y: 0, width, height: RICH_MENU_HEIGHT },
        action: { type: 'message', label: button.label, text: button.text },
      };
    }),
  };
}
