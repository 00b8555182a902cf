// Flex containers → HTML: a bubble's header, hero, body and footer blocks, and carousels.

import { box, component, image } from './components.js';
import { actAttr, BUBBLE_WIDTHS, color, DEFAULT_SEPARATOR_COLOR, esc, styleAttr } from './style.js';

/** @import { Bubble, BlockName, RenderOptions } from './types.js' */

/** @type {readonly BlockName[]} */
const BLOCKS = ['header', 'hero', 'body', 'footer'];

/**
 * One bubble: header, hero, body, footer, with the bubble's block styles.
 * @param {Bubble} bubble
 * @param {RenderOptions} [options]
 * @returns {string}
 */
export function renderBubble(bubble, options = {}) {
  const styles = bubble.styles ?? {};
  const width = BUBBLE_WIDTHS[bubble.size ?? 'mega'] ?? BUBBLE_WIDTHS.mega;
  /** @type {string[]} */
  const blocks = [];
  for (const name of BLOCKS) {
    const block = bubble[name];
    if (!block) continue;
    const st = styles[name] ?? {};
    const blockStyle = {
      'background-color': color(st.backgroundColor),
      'border-top': st.separator && blocks.length ? `1px solid ${color(st.separatorColor) ?? DEFAULT_SEPARATOR_COLOR}` : undefined,
    };
    let inner;
    if (block.type === 'box') inner = box(block, undefined, options, name);
    else if (block.type === 'image') inner = image(block, { layout: 'vertical', index: 0 }, options, true);
    else if (block.type === 'video') inner = block.altContent ? component(block.altContent, { layout: 'vertical', index: 0 }, options) : '';
    else inner = component(block, { layout: 'vertical', index: 0 }, options);
    blocks.push(`<div class="fx-block fx-block-${name}"${styleAttr(blockStyle)}>${inner}</div>`);
  }
  const s = { width: `${width}px`, direction: bubble.direction === 'rtl' ? 'rtl' : undefined };
  return `<div class="fx-bubble fx-size-${esc(bubble.size ?? 'mega')}"${styleAttr(s)}${actAttr(bubble.action, options)}>${blocks.join('')}</div>`;
}

/**
 * A Flex container: a bubble or a carousel of bubbles.
 * @param {unknown} container
 * @param {RenderOptions} [options]
 * @returns {string}
 */
export function renderFlex(container, options = {}) {
  if (!container || typeof container !== 'object') return '';
  const flex = /** @type {Bubble} */ (container);
  if (flex.type === 'carousel') {
    const bubbles = (flex.contents ?? []).map((b) => renderBubble(b, options)).join('');
    return `<div class="fx-carousel">${bubbles}</div>`;
  }
  return renderBubble(flex, options);
}
