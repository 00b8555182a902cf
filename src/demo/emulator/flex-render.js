// A LINE message renderer for the demo chat page: LINE message objects → HTML strings.
//
// Plain JavaScript (an ES module with no imports) so the browser loads it as is and the tests
// import it in Node. It follows the Flex Message spec closely enough to judge a design:
// bubble blocks (header/hero/body/footer) and their styles, carousels, box layouts
// (vertical/horizontal/baseline) with spacing/margin/padding/flex/position/offsets/corner
// radius/borders/gradients, text (size/weight/colour/align/gravity/wrap/maxLines/spans),
// buttons (primary/secondary/link, colour, height), separators, images, icons and fillers.
// Numbers follow LINE's own rendering (font sizes, spacing keywords, bubble widths).
//
// Actions are not wired here: every tappable element gets `data-act="<id>"`, where the id
// comes from `options.register(action)`; the page keeps the action objects and handles clicks.

export const TEXT_SIZES = { xxs: 11, xs: 13, sm: 14, md: 16, lg: 19, xl: 22, xxl: 29, '3xl': 35, '4xl': 48, '5xl': 74 };
export const SPACING = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
export const RADIUS = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
export const BORDER_WIDTHS = { none: 0, light: 0.5, normal: 1, medium: 2, 'semi-bold': 3, bold: 4 };
export const IMAGE_SIZES = {
  xxs: 40, xs: 60, sm: 80, md: 100, lg: 120, xl: 140, xxl: 160, '3xl': 180, '4xl': 200, '5xl': 220, full: '100%',
};
export const BUBBLE_WIDTHS = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 500 };

const DEFAULT_TEXT_COLOR = '#111111';
const DEFAULT_SEPARATOR_COLOR = '#E3E5E8';
const PRIMARY_BUTTON = '#17C950';
const SECONDARY_BUTTON = '#DCDFE5';
const LINK_BUTTON = '#42659A';
const BLOCK_PADDING = { header: 20, hero: 0, body: 20, footer: 10 };

/** HTML-escapes text and attribute values. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A keyword from `table`, or a literal like `12px` / `50%`; otherwise undefined. */
function length(value, table) {
  if (value === undefined || value === null) return undefined;
  if (table && Object.prototype.hasOwnProperty.call(table, value)) {
    const v = table[value];
    return typeof v === 'number' ? `${v}px` : v;
  }
  if (typeof value === 'string' && /^-?\d+(\.\d+)?(px|%)$/.test(value.trim())) return value.trim();
  return undefined;
}

function fontSize(value, fallback = 'md') {
  return length(value ?? fallback, TEXT_SIZES) ?? `${TEXT_SIZES[fallback]}px`;
}

function color(value) {
  return typeof value === 'string' && /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value) ? value : undefined;
}

function styleAttr(styles) {
  const parts = Object.entries(styles)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}:${v}`);
  return parts.length ? ` style="${esc(parts.join(';'))}"` : '';
}

function actAttr(action, options) {
  if (!action || typeof action !== 'object' || !options.register) return '';
  const id = options.register(action);
  const label = action.label ?? action.text ?? action.displayText ?? '';
  return ` data-act="${esc(id)}" role="button" tabindex="0"${label ? ` aria-label="${esc(label)}"` : ''}`;
}

const ALIGN = { start: 'flex-start', center: 'center', end: 'flex-end' };
const TEXT_ALIGN = { start: 'start', center: 'center', end: 'end' };

/**
 * Styles every component gets from its place in the parent box: margin (or the box's
 * spacing), flex, gravity, position and offsets.
 */
function placement(c, parent) {
  const s = {};
  const horizontal = parent.layout === 'horizontal' || parent.layout === 'baseline';
  const gap = c.margin !== undefined ? length(c.margin, SPACING) : parent.index > 0 ? length(parent.spacing, SPACING) : undefined;
  if (gap && gap !== '0px' && c.position !== 'absolute') s[horizontal ? 'margin-inline-start' : 'margin-top'] = gap;

  const defaultFlex = horizontal && !['icon', 'separator', 'spacer'].includes(c.type) ? 1 : 0;
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

function component(c, parent, options) {
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

function padding(c, block) {
  const s = {};
  const all = length(c.paddingAll, SPACING);
  const base = all ?? (block !== undefined ? `${BLOCK_PADDING[block]}px` : undefined);
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

function background(c) {
  const bg = c.background;
  if (bg && bg.type === 'linearGradient' && color(bg.startColor) && color(bg.endColor)) {
    const angle = /^-?\d+(\.\d+)?deg$/.test(String(bg.angle ?? '')) ? bg.angle : '0deg';
    const center = color(bg.centerColor) ? `, ${bg.centerColor} ${length(bg.centerPosition, null) ?? '50%'}` : '';
    return `linear-gradient(${angle}, ${bg.startColor}${center}, ${bg.endColor})`;
  }
  return undefined;
}

function box(c, parent, options, block) {
  const layout = ['horizontal', 'baseline', 'vertical'].includes(c.layout) ? c.layout : 'vertical';
  const radius = length(c.cornerRadius, RADIUS);
  const borderWidth = length(c.borderWidth, BORDER_WIDTHS);
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
  if (c.position !== 'absolute' && (s.position === undefined) && hasAbsoluteChild(c)) s.position = 'relative';
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

function hasAbsoluteChild(c) {
  return Array.isArray(c.contents) && c.contents.some((child) => child?.position === 'absolute');
}

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

function text(c, parent, options) {
  const size = fontSize(c.size);
  const lineSpacing = length(c.lineSpacing, null);
  const maxLines = Number.isInteger(c.maxLines) && c.maxLines > 0 ? c.maxLines : 0;
  const s = {
    ...placement(c, parent),
    'font-size': size,
    color: color(c.color) ?? DEFAULT_TEXT_COLOR,
    'font-weight': c.weight === 'bold' ? '700' : undefined,
    'font-style': c.style === 'italic' ? 'italic' : undefined,
    'text-decoration': c.decoration === 'underline' || c.decoration === 'line-through' ? c.decoration : undefined,
    'text-align': TEXT_ALIGN[c.align],
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

function button(c, parent, options) {
  const style = ['primary', 'secondary', 'link'].includes(c.style) ? c.style : 'link';
  const custom = color(c.color);
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

function ratio(value, fallback = '1:1') {
  const m = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(String(value ?? fallback));
  return m ? `${m[1]} / ${m[2]}` : '1 / 1';
}

function image(c, parent, options, inHero = false) {
  const size = length(c.size ?? (inHero ? 'full' : 'md'), IMAGE_SIZES) ?? '100px';
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

function safeUrl(url) {
  const u = String(url ?? '');
  return /^(https?:|data:image\/)/i.test(u) ? u : '';
}

/** One bubble: header, hero, body, footer, with the bubble's block styles. */
export function renderBubble(bubble, options = {}) {
  const styles = bubble.styles ?? {};
  const width = BUBBLE_WIDTHS[bubble.size] ?? BUBBLE_WIDTHS.mega;
  const blocks = [];
  for (const name of ['header', 'hero', 'body', 'footer']) {
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

/** A Flex container: a bubble or a carousel of bubbles. */
export function renderFlex(container, options = {}) {
  if (!container || typeof container !== 'object') return '';
  if (container.type === 'carousel') {
    const bubbles = (container.contents ?? []).map((b) => renderBubble(b, options)).join('');
    return `<div class="fx-carousel">${bubbles}</div>`;
  }
  return renderBubble(container, options);
}

function linkify(escaped) {
  return escaped.replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`);
}

function textV2(m) {
  const subs = m.substitution ?? {};
  return String(m.text ?? '').replace(/\{([A-Za-z0-9_]+)\}/g, (whole, key) => {
    const s = subs[key];
    if (!s) return whole;
    if (s.type === 'mention') return s.mentionee?.type === 'all' ? '@All' : `@${s.mentionee?.userId ?? 'user'}`;
    if (s.type === 'emoji') return '😀';
    return whole;
  });
}

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
 */
export function renderMessage(m, options = {}) {
  const out = renderMessageRaw(m, options);
  return options.emojiFallback ? { kind: out.kind, html: withEmojiFallback(out.html) } : out;
}

function renderMessageRaw(m, options) {
  if (!m || typeof m !== 'object') return { kind: 'text', html: '' };
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

/** Quick-reply chips of a message (empty string when it has none). */
export function renderQuickReply(m, options = {}) {
  const items = m?.quickReply?.items;
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

// ---------- emoji without an emoji font ----------
// Debian's Chromium with only fonts-thai-tlwg has no emoji font, so the bot's ✅ 🙏 😊 would be
// boxes. When the page finds no colour emoji font it passes `emojiFallback: true` and the few
// emoji the bot uses are drawn as small inline SVGs instead; any other emoji is left as is.
// The CJK corner brackets 「」 the owner messages use get the same treatment (no CJK font).
const S = (body) => `<svg class="emoji" viewBox="0 0 36 36" aria-hidden="true">${body}</svg>`;
const FACE = '<circle cx="18" cy="18" r="17" fill="#FFCC4D"/>';
export const EMOJI_SVG = {
  '✅': S('<rect x="1" y="1" width="34" height="34" rx="7" fill="#3CB15B"/><path d="M9 18.5l6 6L27.5 11" fill="none" stroke="#fff" stroke-width="4.5" stroke-linecap="round" stroke-linejoin="round"/>'),
  '❌': S('<path d="M7 7l22 22M29 7L7 29" stroke="#DD2E44" stroke-width="6" stroke-linecap="round"/>'),
  '❗': S('<path d="M18 4v19" stroke="#DD2E44" stroke-width="7" stroke-linecap="round"/><circle cx="18" cy="31" r="3.6" fill="#DD2E44"/>'),
  '⚠': S('<path d="M18 3L1.5 32.5h33z" fill="#FFCC4D" stroke="#FFCC4D" stroke-width="3" stroke-linejoin="round"/><path d="M18 12.5v10" stroke="#231F20" stroke-width="3.6" stroke-linecap="round"/><circle cx="18" cy="27.5" r="2.2" fill="#231F20"/>'),
  '😊': S(`${FACE}<ellipse cx="9" cy="21.5" rx="4" ry="2.5" fill="#FF7892" opacity=".6"/><ellipse cx="27" cy="21.5" rx="4" ry="2.5" fill="#FF7892" opacity=".6"/><path d="M8.5 14.5q3.5-4 7 0M20.5 14.5q3.5-4 7 0" fill="none" stroke="#664500" stroke-width="2.2" stroke-linecap="round"/><path d="M10.5 22.5q7.5 7.5 15 0" fill="none" stroke="#664500" stroke-width="2.4" stroke-linecap="round"/>`),
  '🙂': S(`${FACE}<ellipse cx="12" cy="13.5" rx="2.4" ry="3.4" fill="#664500"/><ellipse cx="24" cy="13.5" rx="2.4" ry="3.4" fill="#664500"/><path d="M10.5 22q7.5 6 15 0" fill="none" stroke="#664500" stroke-width="2.4" stroke-linecap="round"/>`),
  '😀': S(`${FACE}<ellipse cx="12" cy="12.5" rx="2.4" ry="3.4" fill="#664500"/><ellipse cx="24" cy="12.5" rx="2.4" ry="3.4" fill="#664500"/><path d="M8 19.5h20q-1 9.5-10 9.5t-10-9.5z" fill="#664500"/><path d="M10 19.5h16v2.8H10z" fill="#fff"/>`),
  '🙏': S('<path d="M17.2 4.5c-1.3 0-2.3 1-2.7 2.3L11 21l-5 6.5 6 6 5.4-6.2c.5-.6.8-1.3.8-2.1V5.3z" fill="#FFDC5D" stroke="#EF9645" stroke-width="1.4" stroke-linejoin="round"/><path d="M18.8 4.5c1.3 0 2.3 1 2.7 2.3L25 21l5 6.5-6 6-5.4-6.2c-.5-.6-.8-1.3-.8-2.1V5.3z" fill="#FFDC5D" stroke="#EF9645" stroke-width="1.4" stroke-linejoin="round"/><path d="M3.5 29.5l5.5 5.5 3-3-5.5-5.5zM32.5 29.5L27 35l-3-3 5.5-5.5z" fill="#3B88C3"/>'),
  '⏳': S('<path d="M8 3h20M8 33h20" stroke="#8A4B38" stroke-width="3.5" stroke-linecap="round"/><path d="M10 5c0 8 7 9 7 13s-7 5-7 13h16c0-8-7-9-7-13s7-5 7-13z" fill="#DDEEFA" stroke="#88C9F9" stroke-width="1.5"/><path d="M13 29c1-3 4-4.5 5-4.5s4 1.5 5 4.5zM14 10h8c-1 2-3 3-4 4-1-1-3-2-4-4z" fill="#FFAC33"/>'),
  '📱': S('<rect x="8" y="1.5" width="20" height="33" rx="4" fill="#31373D"/><rect x="10.5" y="5.5" width="15" height="23" rx="1" fill="#55ACEE"/><circle cx="18" cy="31.5" r="1.6" fill="#8899A6"/>'),
  '📍': S('<path d="M18 34s-11-12-11-20a11 11 0 0 1 22 0c0 8-11 20-11 20z" fill="#DD2E44"/><circle cx="18" cy="14" r="4.5" fill="#fff"/>'),
  '🔴': S('<circle cx="18" cy="18" r="16" fill="#DD2E44"/>'),
  '🟢': S('<circle cx="18" cy="18" r="16" fill="#78B159"/>'),
  '🟡': S('<circle cx="18" cy="18" r="16" fill="#FDCB58"/>'),
  '💰': S('<path d="M13 6h10l-2.5 5h-5z" fill="#C1694F"/><path d="M15 11h6c7 3 11 9 11 15 0 5-4 8-14 8S4 31 4 26c0-6 4-12 11-15z" fill="#FDD888"/><path d="M18 16v14M21.5 19c-.8-1.3-2.2-2-3.5-2-2 0-3.5 1-3.5 2.8 0 3.9 7.5 2 7.5 6 0 1.7-1.7 2.7-4 2.7-1.6 0-3.2-.8-4-2" fill="none" stroke="#C1694F" stroke-width="1.8" stroke-linecap="round"/>'),
  '📶': S('<rect x="1" y="1" width="34" height="34" rx="6" fill="#3B88C3"/><path d="M9 27v-3M14.5 27v-7M20 27v-11M25.5 27V11" stroke="#fff" stroke-width="3.6" stroke-linecap="round"/>'),
  '📊': S('<rect x="3" y="3" width="30" height="30" rx="3" fill="#fff" stroke="#CCD6DD" stroke-width="2"/><path d="M10 27V17" stroke="#DD2E44" stroke-width="5"/><path d="M18 27V9" stroke="#3B88C3" stroke-width="5"/><path d="M26 27v-6" stroke="#78B159" stroke-width="5"/><path d="M6 28h24" stroke="#66757F" stroke-width="1.6"/>'),
  '🚨': S('<path d="M8 28v-9a10 10 0 0 1 20 0v9z" fill="#DD2E44"/><path d="M13 19a5 5 0 0 1 5-5" stroke="#fff" stroke-width="2.4" stroke-linecap="round" fill="none" opacity=".8"/><rect x="5" y="28" width="26" height="5" rx="1.5" fill="#66757F"/><path d="M18 2v4M5 8l3 3M31 8l-3 3M1.5 18h3M31.5 18h3" stroke="#FFAC33" stroke-width="2.4" stroke-linecap="round"/>'),
  '📵': S('<circle cx="18" cy="18" r="16.5" fill="#FFCC4D"/><rect x="12" y="8" width="12" height="20" rx="2.4" fill="#31373D"/><rect x="13.8" y="10.5" width="8.4" height="13" fill="#55ACEE"/><circle cx="18" cy="18" r="13.5" fill="none" stroke="#DD2E44" stroke-width="3.6"/><path d="M8.5 8.5l19 19" stroke="#DD2E44" stroke-width="3.6"/>'),
  '⛔': S('<circle cx="18" cy="18" r="17" fill="#DD2E44"/><rect x="7" y="14.5" width="22" height="7" rx="1.5" fill="#fff"/>'),
  '「': '<svg class="emoji emoji-bracket" viewBox="0 0 18 36" aria-hidden="true"><path d="M14 5H6v14" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
  '」': '<svg class="emoji emoji-bracket" viewBox="0 0 18 36" aria-hidden="true"><path d="M4 31h8V17" fill="none" stroke="currentColor" stroke-width="2"/></svg>',
  '🔔': S('<path d="M18 4a2 2 0 0 1 2 2v1.3c5 1 8 5 8 10.2V24l3 4H5l3-4v-6.5C8 12.3 11 8.3 16 7.3V6a2 2 0 0 1 2-2z" fill="#FFAC33"/><circle cx="18" cy="31" r="3.5" fill="#FFAC33"/>'),
};
const EMOJI_RE = new RegExp(`(<[^>]*>)|(${Object.keys(EMOJI_SVG).join('|')})\\uFE0F?`, 'gu');

/** Replaces the emoji in an HTML string's text (never inside tags) with their SVG drawings. */
export function withEmojiFallback(html) {
  return html.replace(EMOJI_RE, (whole, tag, emoji) => (tag ? tag : (EMOJI_SVG[emoji] ?? whole)));
}

/** Styles for everything above; the page puts them in a <style> element. */
export const FLEX_CSS = `
.fx-bubble{display:flex;flex-direction:column;flex:0 0 auto;max-width:100%;background:#fff;border-radius:16px;overflow:hidden;box-shadow:0 1px 1px rgba(0,0,0,.06);text-align:start}
.fx-carousel .fx-bubble{max-width:none}
.fx-block{display:flex;flex-direction:column;min-width:0}
.fx-block-body{flex:1 1 auto}
.fx-block>.fx-box{flex:1 1 auto}
.fx-box{display:flex;min-width:0;box-sizing:border-box}
.fx-box>*{min-width:0}
.fx-text{overflow:hidden;line-height:1.4;min-width:0;overflow-wrap:anywhere}
.fx-text.fx-wrap{overflow:visible}
.fx-text[style*="-webkit-box"]{overflow:hidden}
.fx-button{display:flex;align-items:center;justify-content:center;border-radius:8px;font-size:16px;padding:0 16px;box-sizing:border-box;cursor:pointer;user-select:none;min-width:0;transition:filter .12s}
.fx-button span{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.fx-button:hover{filter:brightness(.95)}
.fx-button:active{filter:brightness(.88)}
.fx-link:hover{background:rgba(0,0,0,.04)}
.fx-image-frame{position:relative;overflow:hidden;background:#f2f3f5}
.fx-block-hero .fx-image-frame{background:#e9ebee}
.fx-image-frame img{position:absolute;inset:0;width:100%;height:100%}
.fx-icon{display:inline-block;object-fit:contain}
.fx-separator{min-height:0;min-width:0}
.fx-unknown{font-size:12px;color:#999}
[data-act]{cursor:pointer}
.emoji{display:inline-block;width:1.15em;height:1.15em;vertical-align:-0.2em;margin:0 .05em}
.emoji-bracket{width:.55em;margin:0}
.fx-carousel{display:flex;align-items:stretch;gap:8px;overflow-x:auto;max-width:100%;padding-bottom:4px;scrollbar-width:thin}
.tp-card{width:260px;flex:0 0 auto;background:#fff;border-radius:16px;overflow:hidden;display:flex;flex-direction:column}
.tp-thumb{position:relative;background:#eee}.tp-thumb img{position:absolute;inset:0;width:100%;height:100%}
.tp-title{font-weight:700;font-size:16px;padding:14px 16px 0}
.tp-text{font-size:14px;padding:12px 16px 14px;white-space:pre-wrap;color:#111}
.tp-actions{border-top:1px solid #e3e5e8;display:flex;flex-direction:column}
.tp-actions.tp-row{flex-direction:row}
.tp-action{flex:1 1 0;text-align:center;padding:12px;color:#42659a;font-size:15px;cursor:pointer}
.tp-actions .tp-action+.tp-action{border-top:1px solid #e3e5e8}
.tp-actions.tp-row .tp-action+.tp-action{border-top:none;border-inline-start:1px solid #e3e5e8}
.tp-image img{width:100%;aspect-ratio:1/1;object-fit:cover}
`;
