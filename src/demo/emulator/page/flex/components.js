// Flex components → HTML: boxes (vertical/horizontal/baseline) with their children, text and
// spans, buttons, images, icons, separators, fillers and spacers.

import { background, padding, placement } from './placement.js';
import {
  actAttr,
  ALIGN,
  BORDER_WIDTHS,
  color,
  DEFAULT_SEPARATOR_COLOR,
  DEFAULT_TEXT_COLOR,
  esc,
  fontSize,
  IMAGE_SIZES,
  length,
  LINK_BUTTON,
  PRIMARY_BUTTON,
  RADIUS,
  safeUrl,
  SECONDARY_BUTTON,
  SPACING,
  styleAttr,
  TEXT_ALIGN,
} from './style.js';

/** @import { BlockName, FlexNode, Parent, RenderOptions, Styles } from './types.js' */

/**
 * Any component, by its type; an unknown type shows its name.
 * @param {FlexNode | undefined} c
 * @param {Parent} parent
 * @param {RenderOptions} options
 * @returns {string}
 */
export function component(c, parent, options) {
  if (!c || typeof c !== 'object') return '';
  switch (c.type) {
    case 'box':
      return box(c, parent, options);
    case 'text':
      return text(c, parent, options);
    case 'button':
      return button(c, parent, options);
    case 'image':
      return image(c, parent, options);
    case 'icon':
      return icon(c, parent);
    case 'separator':
      return separator(c, parent);
    case 'filler':
      return `<div class="fx-filler"${styleAttr(placement(c, parent))}></div>`;
    case 'spacer': {
      const size = length(c.size ?? 'md', SPACING);
      const horizontal = parent.layout !== 'vertical';
      return `<div class="fx-spacer"${styleAttr({ ...placement(c, parent), [horizontal ? 'width' : 'height']: size })}></div>`;
    }
    case 'video':
      return c.altContent ? component(c.altContent, parent, options) : `<div class="fx-unknown">video</div>`;
    default:
      return `<div class="fx-unknown">${esc(c.type)}</div>`;
  }
}

/**
 * A box and its children; `parent` is undefined for a block's own box, `block` names that block.
 * @param {FlexNode} c
 * @param {Parent | undefined} parent
 * @param {RenderOptions} options
 * @param {BlockName} [block]
 * @returns {string}
 */
export function box(c, parent, options, block) {
  const layout = c.layout !== undefined && ['horizontal', 'baseline', 'vertical'].includes(c.layout) ? c.layout : 'vertical';
  const radius = length(c.cornerRadius, RADIUS);
  const borderWidth = length(c.borderWidth, BORDER_WIDTHS);
  /** @type {Styles} */
  const s = {
    ...(parent ? placement(c, parent) : {}),
    'flex-direction': layout === 'vertical' ? 'column' : 'row',
    'align-items': layout === 'baseline' ? 'baseline' : c.alignItems,
    'justify-content': c.justifyContent,
    'background-color': color(c.backgroundColor),
    'background-image': background(c),
    'border-style': borderWidth ? 'solid' : undefined,
    'border-width': borderWidth,
    'border-color': borderWidth ? (color(c.borderColor) ?? '#000000') : undefined,
    'border-radius': radius,
    overflow: radius && radius !== '0px' ? 'hidden' : undefined,
    width: length(c.width, null),
    'max-width': length(c.maxWidth, null),
    height: length(c.height, null),
    'max-height': length(c.maxHeight, null),
    ...padding(c, block),
  };
  if (c.position !== 'absolute' && s.position === undefined && hasAbsoluteChild(c)) s.position = 'relative';
  const spacing = c.spacing;
  let index = 0;
  const children = (Array.isArray(c.contents) ? c.contents : [])
    .map((child) => {
      const html = component(child, { layout, spacing, index }, options);
      if (child?.position !== 'absolute') index += 1;
      return html;
    })
    .join('');
  return `<div class="fx-box fx-${layout}"${styleAttr(s)}${actAttr(c.action, options)}>${children}</div>`;
}

/** @param {FlexNode} c */
function hasAbsoluteChild(c) {
  return Array.isArray(c.contents) && c.contents.some((child) => child?.position === 'absolute');
}

/** @param {FlexNode | undefined} s */
function span(s) {
  if (!s || s.type !== 'span') return '';
  const st = {
    color: color(s.color),
    'font-size': s.size !== undefined ? fontSize(s.size) : undefined,
    'font-weight': s.weight === 'bold' ? '700' : undefined,
    'font-style': s.style === 'italic' ? 'italic' : undefined,
    'text-decoration': s.decoration === 'underline' || s.decoration === 'line-through' ? s.decoration : undefined,
  };
  return `<span class="fx-span"${styleAttr(st)}>${esc(s.text)}</span>`;
}

/**
 * @param {FlexNode} c
 * @param {Parent} parent
 * @param {RenderOptions} options
 */
function text(c, parent, options) {
  const size = fontSize(c.size);
  const lineSpacing = length(c.lineSpacing, null);
  const maxLines = typeof c.maxLines === 'number' && Number.isInteger(c.maxLines) && c.maxLines > 0 ? c.maxLines : 0;
  /** @type {Styles} */
  const s = {
    ...placement(c, parent),
    'font-size': size,
    color: color(c.color) ?? DEFAULT_TEXT_COLOR,
    'font-weight': c.weight === 'bold' ? '700' : undefined,
    'font-style': c.style === 'italic' ? 'italic' : undefined,
    'text-decoration': c.decoration === 'underline' || c.decoration === 'line-through' ? c.decoration : undefined,
    'text-align': c.align === undefined ? undefined : TEXT_ALIGN[c.align],
    'line-height': lineSpacing ? `calc(1.4em + ${lineSpacing})` : undefined,
    'white-space': c.wrap ? 'pre-wrap' : 'nowrap',
    'text-overflow': c.wrap ? undefined : 'ellipsis',
    display: c.wrap && maxLines ? '-webkit-box' : undefined,
    '-webkit-line-clamp': c.wrap && maxLines ? String(maxLines) : undefined,
    '-webkit-box-orient': c.wrap && maxLines ? 'vertical' : undefined,
    'max-width': length(c.maxWidth, null),
  };
  if (c.gravity && parent.layout !== 'vertical') {
    // gravity places the text inside a cell stretched to the row's height
    s['align-self'] = 'stretch';
    s.display = 'flex';
    s['flex-direction'] = 'column';
    s['justify-content'] = ALIGN[c.gravity === 'top' ? 'start' : c.gravity === 'bottom' ? 'end' : 'center'];
    s['white-space'] = c.wrap ? 'pre-wrap' : 'nowrap';
  }
  const inner = Array.isArray(c.contents) && c.contents.length ? c.contents.map(span).join('') : esc(c.text);
  const body = s.display === 'flex' ? `<span class="fx-text-inner">${inner}</span>` : inner;
  return `<div class="fx-text${c.wrap ? ' fx-wrap' : ''}"${styleAttr(s)}${actAttr(c.action, options)}>${body}</div>`;
}

/**
 * @param {FlexNode} c
 * @param {Parent} parent
 * @param {RenderOptions} options
 */
function button(c, parent, options) {
  const style = c.style !== undefined && ['primary', 'secondary', 'link'].includes(c.style) ? c.style : 'link';
  const custom = color(c.color);
  /** @type {Styles} */
  const s = {
    ...placement(c, parent),
    height: c.height === 'sm' ? '40px' : '52px',
    'background-color': style === 'primary' ? (custom ?? PRIMARY_BUTTON) : style === 'secondary' ? (custom ?? SECONDARY_BUTTON) : undefined,
    color: style === 'primary' ? '#FFFFFF' : style === 'secondary' ? '#111111' : (custom ?? LINK_BUTTON),
  };
  if (parent.layout !== 'vertical' && c.gravity) s['align-self'] = ALIGN[c.gravity === 'top' ? 'start' : c.gravity === 'bottom' ? 'end' : 'center'];
  const label = c.action?.label ?? '';
  return `<div class="fx-button fx-${style}"${styleAttr(s)}${actAttr(c.action, options)}><span>${esc(label)}</span></div>`;
}

/**
 * `20:13` → `20 / 13` for CSS aspect-ratio.
 * @param {string | undefined} value
 * @param {string} [fallback]
 */
function ratio(value, fallback = '1:1') {
  const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(String(value ?? fallback));
  return m ? `${m[1]} / ${m[2]}` : '1 / 1';
}

/**
 * An image; in the hero block it defaults to the full width.
 * @param {FlexNode} c
 * @param {Parent} parent
 * @param {RenderOptions} options
 * @param {boolean} [inHero]
 */
export function image(c, parent, options, inHero = false) {
  const size = length(c.size ?? (inHero ? 'full' : 'md'), IMAGE_SIZES) ?? '100px';
  /** @type {Styles} */
  const outer = {
    ...placement(c, parent),
    display: 'flex',
    'justify-content': ALIGN[c.align ?? 'center'],
    'align-items': parent.layout === 'vertical' ? 'flex-start' : ALIGN[c.gravity === 'bottom' ? 'end' : c.gravity === 'center' ? 'center' : 'start'],
  };
  const frame = {
    width: size,
    'max-width': '100%',
    'aspect-ratio': ratio(c.aspectRatio),
    'background-color': color(c.backgroundColor),
  };
  const img = { 'object-fit': c.aspectMode === 'cover' ? 'cover' : 'contain' };
  return (
    `<div class="fx-image"${styleAttr(outer)}${actAttr(c.action, options)}>` +
    `<div class="fx-image-frame"${styleAttr(frame)}>` +
    `<img src="${esc(safeUrl(c.url))}" alt="" loading="lazy" referrerpolicy="no-referrer" onerror="this.style.visibility='hidden'"${styleAttr(img)}>` +
    `</div></div>`
  );
}

/**
 * @param {FlexNode} c
 * @param {Parent} parent
 */
function icon(c, parent) {
  const size = fontSize(c.size);
  const [w, h] = String(c.aspectRatio ?? '1:1').split(':').map(Number);
  const s = {
    ...placement(c, parent),
    height: size,
    width: w && h ? `calc(${size} * ${w / h})` : size,
  };
  return `<img class="fx-icon" src="${esc(safeUrl(c.url))}" alt="" referrerpolicy="no-referrer" onerror="this.style.visibility='hidden'"${styleAttr(s)}>`;
}

/**
 * @param {FlexNode} c
 * @param {Parent} parent
 */
function separator(c, parent) {
  const horizontal = parent.layout !== 'vertical';
  const s = {
    ...placement(c, parent),
    flex: '0 0 auto',
    [horizontal ? 'border-inline-start' : 'border-top']: `1px solid ${color(c.color) ?? DEFAULT_SEPARATOR_COLOR}`,
    'align-self': 'stretch',
  };
  return `<div class="fx-separator"${styleAttr(s)}></div>`;
}
