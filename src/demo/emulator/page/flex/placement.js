// Where a component sits and how a box is padded and painted: the CSS that comes from the
// parent box (margin or spacing, flex, gravity, position, offsets) and from a block's defaults.

import { ALIGN, color, length, SPACING } from './style.js';

/** @import { BlockName, FlexNode, Parent, Styles } from './types.js' */

/** Default padding of each bubble block, in px. */
const BLOCK_PADDING = { header: 20, hero: 0, body: 20, footer: 10 };

/**
 * Styles every component gets from its place in the parent box: margin (or the box's
 * spacing), flex, gravity, position and offsets.
 * @param {FlexNode} c
 * @param {Parent} parent
 * @returns {Styles}
 */
export function placement(c, parent) {
  /** @type {Styles} */
  const s = {};
  const horizontal = parent.layout === 'horizontal' || parent.layout === 'baseline';
  const gap = c.margin !== undefined ? length(c.margin, SPACING) : parent.index > 0 ? length(parent.spacing, SPACING) : undefined;
  if (gap && gap !== '0px' && c.position !== 'absolute') s[horizontal ? 'margin-inline-start' : 'margin-top'] = gap;

  const defaultFlex = horizontal && !['icon', 'separator', 'spacer'].includes(c.type ?? '') ? 1 : 0;
  let flex = typeof c.flex === 'number' && c.flex >= 0 ? c.flex : defaultFlex;
  if (c.type === 'filler') flex = typeof c.flex === 'number' ? c.flex : 1;
  const width = c.type === 'box' ? length(c.width, null) : undefined;
  if (width && horizontal && c.flex === undefined) flex = 0;
  if (c.type !== 'separator') {
    s.flex = flex > 0 ? (horizontal ? `${flex} 1 0px` : `${flex} 1 auto`) : '0 0 auto';
  }

  if (horizontal && c.gravity && ALIGN[c.gravity === 'top' ? 'start' : c.gravity === 'bottom' ? 'end' : 'center']) {
    s['align-self'] = ALIGN[c.gravity === 'top' ? 'start' : c.gravity === 'bottom' ? 'end' : 'center'];
  }
  if (c.position === 'absolute') {
    s.position = 'absolute';
    s.top = length(c.offsetTop, SPACING);
    s.bottom = length(c.offsetBottom, SPACING);
    s['inset-inline-start'] = length(c.offsetStart, SPACING);
    s['inset-inline-end'] = length(c.offsetEnd, SPACING);
  } else if (c.offsetTop || c.offsetBottom || c.offsetStart || c.offsetEnd) {
    s.position = 'relative';
    if (c.offsetTop) s.top = length(c.offsetTop, SPACING);
    else if (c.offsetBottom) s.bottom = length(c.offsetBottom, SPACING);
    if (c.offsetStart) s['inset-inline-start'] = length(c.offsetStart, SPACING);
    else if (c.offsetEnd) s['inset-inline-end'] = length(c.offsetEnd, SPACING);
  }
  return s;
}

/**
 * A box's padding: its own paddingAll / paddingTop / …, else its block's default.
 * @param {FlexNode} c
 * @param {BlockName} [block]
 * @returns {Styles}
 */
export function padding(c, block) {
  /** @type {Styles} */
  const s = {};
  const all = length(c.paddingAll, SPACING);
  const base = all ?? (block !== undefined ? `${BLOCK_PADDING[block]}px` : undefined);
  /** @param {string | undefined} v */
  const side = (v) => length(v, SPACING) ?? base;
  const top = side(c.paddingTop);
  const bottom = side(c.paddingBottom);
  const start = side(c.paddingStart);
  const end = side(c.paddingEnd);
  if (top) s['padding-top'] = top;
  if (bottom) s['padding-bottom'] = bottom;
  if (start) s['padding-inline-start'] = start;
  if (end) s['padding-inline-end'] = end;
  return s;
}

/**
 * A box's linear gradient as a CSS `background-image`, when it has a valid one.
 * @param {FlexNode} c
 * @returns {string | undefined}
 */
export function background(c) {
  const bg = c.background;
  if (bg && bg.type === 'linearGradient' && color(bg.startColor) && color(bg.endColor)) {
    const angle = /^-?\d+(\.\d+)?deg$/.test(String(bg.angle ?? '')) ? bg.angle : '0deg';
    const center = color(bg.centerColor) ? `, ${bg.centerColor} ${length(bg.centerPosition, null) ?? '50%'}` : '';
    return `linear-gradient(${angle}, ${bg.startColor}${center}, ${bg.endColor})`;
  }
  return undefined;
}
