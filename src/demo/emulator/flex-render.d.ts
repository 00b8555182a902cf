/** Types for flex-render.js (plain JavaScript so the browser loads it without a build step). */
export interface RenderOptions {
  /** Keeps an action object and returns the id written as `data-act`. */
  register?: (action: Record<string, unknown>) => string;
  /** Draw the emoji the bot uses as inline SVG (for browsers without an emoji font). */
  emojiFallback?: boolean;
}
export const TEXT_SIZES: Record<string, number>;
export const SPACING: Record<string, number>;
export const RADIUS: Record<string, number>;
export const BORDER_WIDTHS: Record<string, number>;
export const IMAGE_SIZES: Record<string, number | string>;
export const BUBBLE_WIDTHS: Record<string, number>;
export const EMOJI_SVG: Record<string, string>;
export const FLEX_CSS: string;
export function esc(value: unknown): string;
export function renderBubble(bubble: unknown, options?: RenderOptions): string;
export function renderFlex(container: unknown, options?: RenderOptions): string;
export function renderMessage(message: unknown, options?: RenderOptions): { kind: 'text' | 'flex' | 'media'; html: string };
export function renderQuickReply(message: unknown, options?: RenderOptions): string;
export function withEmojiFallback(html: string): string;
