// A LINE message renderer for the demo chat page: LINE message objects → HTML strings.
//
// Plain JavaScript ES modules (this one and flex/), so the browser loads them as they are and
// the tests import them in Node; tsc checks them from their JSDoc types (flex/types.js). It
// follows the Flex Message spec closely enough to judge a design: bubble blocks
// (header/hero/body/footer) and their styles, carousels, box layouts (vertical/horizontal/
// baseline) with spacing/margin/padding/flex/position/offsets/corner radius/borders/gradients,
// text (size/weight/colour/align/gravity/wrap/maxLines/spans), buttons (primary/secondary/link,
// colour, height), separators, images, icons and fillers. Numbers follow LINE's own rendering
// (font sizes, spacing keywords, bubble widths).
//
// Actions are not wired here: every tappable element gets `data-act="<id>"`, where the id
// comes from `options.register(action)`; the page keeps the action objects and handles clicks.

import { renderFlex } from './flex/bubble.js';
import { withEmojiFallback } from './flex/emoji.js';
import { actAttr, esc, safeUrl } from './flex/style.js';

/** @import { Message, RenderOptions, Template } from './flex/types.js' */

export { renderBubble, renderFlex } from './flex/bubble.js';
export { FLEX_CSS } from './flex/css.js';
export { EMOJI_SVG, withEmojiFallback } from './flex/emoji.js';
export { BORDER_WIDTHS, BUBBLE_WIDTHS, esc, IMAGE_SIZES, RADIUS, SPACING, TEXT_SIZES } from './flex/style.js';

/** @param {string} escaped */
function linkify(escaped) {
  return escaped.replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`);
}

/**
 * A textV2 message's text with its {placeholders} filled in.
 * @param {Message} m
 */
function textV2(m) {
  const subs = m.substitution ?? {};
  return String(m.text ?? '').replace(/\{([A-Za-z0-9_]+)\}/g, (whole, /** @type {string} */ key) => {
    const s = subs[key];
    if (!s) return whole;
    if (s.type === 'mention') return s.mentionee?.type === 'all' ? '@All' : `@${s.mentionee?.userId ?? 'user'}`;
    if (s.type === 'emoji') return '😀';
    return whole;
  });
}

/**
 * @param {Template} t
 * @param {RenderOptions} options
 * @returns {string}
 */
function templateCard(t, options) {
  if (t.type === 'confirm') {
    const buttons = (t.actions ?? [])
      .map((a) => `<div class="tp-action"${actAttr(a, options)}>${esc(a.label ?? '')}</div>`)
      .join('');
    return `<div class="tp-card tp-confirm"><div class="tp-text">${esc(t.text)}</div><div class="tp-actions tp-row">${buttons}</div></div>`;
  }
  if (t.type === 'buttons') {
    const img = t.thumbnailImageUrl
      ? `<div class="tp-thumb" style="aspect-ratio:${t.imageAspectRatio === 'square' ? '1 / 1' : '1.51 / 1'}"><img src="${esc(safeUrl(t.thumbnailImageUrl))}" alt="" style="object-fit:${t.imageSize === 'contain' ? 'contain' : 'cover'}"></div>`
      : '';
    const buttons = (t.actions ?? []).map((a) => `<div class="tp-action"${actAttr(a, options)}>${esc(a.label ?? '')}</div>`).join('');
    return `<div class="tp-card">${img}${t.title ? `<div class="tp-title">${esc(t.title)}</div>` : ''}<div class="tp-text">${esc(t.text)}</div><div class="tp-actions">${buttons}</div></div>`;
  }
  if (t.type === 'carousel') {
    return `<div class="fx-carousel">${(t.columns ?? []).map((col) => templateCard({ type: 'buttons', ...col }, options)).join('')}</div>`;
  }
  if (t.type === 'image_carousel') {
    return `<div class="fx-carousel">${(t.columns ?? [])
      .map((col) => `<div class="tp-card tp-image"${actAttr(col.action, options)}><img src="${esc(safeUrl(col.imageUrl))}" alt=""><div class="tp-action">${esc(col.action?.label ?? '')}</div></div>`)
      .join('')}</div>`;
  }
  return `<div class="msg-text">${esc(t.type)} template</div>`;
}

/**
 * One LINE message object (as sent in a reply or push) → HTML. Returns the outer kind too, so
 * the page can draw plain texts as speech bubbles and cards without one.
 * @param {unknown} m
 * @param {RenderOptions} [options]
 * @returns {{ kind: 'text' | 'flex' | 'media', html: string }}
 */
export function renderMessage(m, options = {}) {
  const out = renderMessageRaw(m, options);
  return options.emojiFallback ? { kind: out.kind, html: withEmojiFallback(out.html) } : out;
}

/**
 * @param {unknown} message
 * @param {RenderOptions} options
 * @returns {{ kind: 'text' | 'flex' | 'media', html: string }}
 */
function renderMessageRaw(message, options) {
  if (!message || typeof message !== 'object') return { kind: 'text', html: '' };
  const m = /** @type {Message} */ (message);
  switch (m.type) {
    case 'text':
      return { kind: 'text', html: `<div class="msg-text">${linkify(esc(m.text))}</div>` };
    case 'textV2':
      return { kind: 'text', html: `<div class="msg-text">${linkify(esc(textV2(m)))}</div>` };
    case 'flex':
      return { kind: 'flex', html: `<div class="msg-flex" title="${esc(m.altText)}">${renderFlex(m.contents, options)}</div>` };
    case 'image':
      return {
        kind: 'media',
        html: `<div class="msg-image"><img src="${esc(safeUrl(m.previewImageUrl ?? m.originalContentUrl))}" alt="" onerror="this.replaceWith(Object.assign(document.createElement('span'),{textContent:'[image]'}))"></div>`,
      };
    case 'sticker':
      return { kind: 'media', html: `<div class="msg-sticker">sticker<br><small>${esc(m.packageId)}/${esc(m.stickerId)}</small></div>` };
    case 'template':
      return { kind: 'flex', html: `<div class="msg-template" title="${esc(m.altText)}">${templateCard(m.template ?? {}, options)}</div>` };
    case 'location':
      return { kind: 'text', html: `<div class="msg-text">📍 ${esc(m.title)}<br><small>${esc(m.address)}</small></div>` };
    default:
      return { kind: 'text', html: `<div class="msg-text msg-unsupported">[${esc(m.type)} message${m.altText ? `: ${esc(m.altText)}` : ''}]</div>` };
  }
}

/**
 * Quick-reply chips of a message (empty string when it has none).
 * @param {unknown} message
 * @param {RenderOptions} [options]
 * @returns {string}
 */
export function renderQuickReply(message, options = {}) {
  const items = /** @type {Message | undefined} */ (message)?.quickReply?.items;
  if (!Array.isArray(items) || items.length === 0) return '';
  const html = items
    .map((item) => {
      const a = item.action ?? {};
      const icon = item.imageUrl ? `<img src="${esc(safeUrl(item.imageUrl))}" alt="">` : '';
      const label = a.label ?? (a.type === 'camera' ? 'Camera' : a.type === 'cameraRoll' ? 'Camera roll' : a.type === 'location' ? 'Location' : '');
      return `<button type="button" class="qr-chip"${actAttr(a, options)}>${icon}<span>${esc(label)}</span></button>`;
    })
    .join('');
  return options.emojiFallback ? withEmojiFallback(html) : html;
}
