// LINE's numbers (font sizes, spacing keywords, bubble widths, default colours) and the small
// helpers that turn Flex values into CSS and HTML attributes.

/** @import { Action, RenderOptions, Styles } from './types.js' */

/** @type {Record<string, number>} */
export const TEXT_SIZES = { xxs: 11, xs: 13, sm: 14, md: 16, lg: 19, xl: 22, xxl: 29, '3xl': 35, '4xl': 48, '5xl': 74 };
/** @type {Record<string, number>} */
export const SPACING = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
/** @type {Record<string, number>} */
export const RADIUS = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
/** @type {Record<string, number>} */
export const BORDER_WIDTHS = { none: 0, light: 0.5, normal: 1, medium: 2, 'semi-bold': 3, bold: 4 };
/** @type {Record<string, number | string>} */
export const IMAGE_SIZES = {
  xxs: 40, xs: 60, sm: 80, md: 100, lg: 120, xl: 140, xxl: 160, '3xl': 180, '4xl': 200, '5xl': 220, full: '100%',
};
/** @type {Record<string, number>} */
export const BUBBLE_WIDTHS = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 500 };

export const DEFAULT_TEXT_COLOR = '#111111';
export const DEFAULT_SEPARATOR_COLOR = '#E3E5E8';
export const PRIMARY_BUTTON = '#17C950';
export const SECONDARY_BUTTON = '#DCDFE5';
export const LINK_BUTTON = '#42659A';

/** Flex `align` / `gravity` keywords → CSS alignment. @type {Record<string, string>} */
export const ALIGN = { start: 'flex-start', center: 'center', end: 'flex-end' };
/** @type {Record<string, string>} */
export const TEXT_ALIGN = { start: 'start', center: 'center', end: 'end' };

/** @type {Record<string, string>} */
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * HTML-escapes text and attribute values.
 * @param {unknown} value
 * @returns {string}
 */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * A keyword from `table`, or a literal like `12px` / `50%`; otherwise undefined.
 * @param {unknown} value
 * @param {Record<string, number | string> | null} table
 * @returns {string | undefined}
 */
export function length(value, table) {
  if (value === undefined || value === null) return undefined;
  if (table && Object.prototype.hasOwnProperty.call(table, String(value))) {
    const v = table[String(value)];
    return typeof v === 'number' ? `${v}px` : v;
  }
  if (typeof value === 'string' && /^-?\d+(\.\d+)?(px|%)$/.test(value.trim())) return value.trim();
  return undefined;
}

/**
 * @param {string | undefined} value
 * @param {string} [fallback]
 * @returns {string}
 */
export function fontSize(value, fallback = 'md') {
  return length(value ?? fallback, TEXT_SIZES) ?? `${TEXT_SIZES[fallback]}px`;
}

/**
 * A `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa` colour; otherwise undefined.
 * @param {unknown} value
 * @returns {string | undefined}
 */
export function color(value) {
  return typeof value === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value) ? value : undefined;
}

/**
 * @param {Styles} styles
 * @returns {string} ` style="…"`, or nothing when no style has a value
 */
export function styleAttr(styles) {
  const parts = Object.entries(styles)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}:${v}`);
  return parts.length ? ` style="${esc(parts.join(';'))}"` : '';
}

/**
 * The attributes that make an element tappable: the page finds the action by `data-act`.
 * @param {Action | undefined} action
 * @param {RenderOptions} options
 * @returns {string}
 */
export function actAttr(action, options) {
  if (!action || typeof action !== 'object' || !options.register) return '';
  const id = options.register(action);
  const label = action.label ?? action.text ?? action.displayText ?? '';
  return ` data-act="${esc(id)}" role="button" tabindex="0"${label ? ` aria-label="${esc(label)}"` : ''}`;
}

/**
 * Only web and data-image URLs reach an `src`; anything else (javascript:, …) becomes empty.
 * @param {unknown} url
 * @returns {string}
 */
export function safeUrl(url) {
  const u = String(url ?? '');
  return /^(https?:|data:image\/)/i.test(u) ? u : '';
}
