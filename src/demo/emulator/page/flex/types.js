// The shapes the renderer reads, as JSDoc types: the browser loads these modules as they are,
// and tsc checks them (checkJs). Only the fields the renderer looks at are listed. The page gets
// whatever the bot sent, so the code still checks each value before it trusts it.

/**
 * A Flex component, block or text span.
 * @typedef {object} FlexNode
 * @property {string} [type]
 * @property {string} [layout]
 * @property {FlexNode[]} [contents]
 * @property {string} [text]
 * @property {string} [margin]
 * @property {string} [spacing]
 * @property {number} [flex]
 * @property {string} [position]
 * @property {string} [offsetTop]
 * @property {string} [offsetBottom]
 * @property {string} [offsetStart]
 * @property {string} [offsetEnd]
 * @property {string} [width]
 * @property {string} [maxWidth]
 * @property {string} [height]
 * @property {string} [maxHeight]
 * @property {string} [size]
 * @property {string} [gravity]
 * @property {string} [align]
 * @property {string} [alignItems]
 * @property {string} [justifyContent]
 * @property {string} [paddingAll]
 * @property {string} [paddingTop]
 * @property {string} [paddingBottom]
 * @property {string} [paddingStart]
 * @property {string} [paddingEnd]
 * @property {string} [backgroundColor]
 * @property {Background} [background]
 * @property {string} [cornerRadius]
 * @property {string} [borderWidth]
 * @property {string} [borderColor]
 * @property {string} [color]
 * @property {string} [weight]
 * @property {string} [style]
 * @property {string} [decoration]
 * @property {string} [lineSpacing]
 * @property {boolean} [wrap]
 * @property {number} [maxLines]
 * @property {string} [url]
 * @property {string} [aspectRatio]
 * @property {string} [aspectMode]
 * @property {FlexNode} [altContent]
 * @property {Action} [action]
 */

/**
 * @typedef {object} Background
 * @property {string} [type]
 * @property {string} [angle]
 * @property {string} [startColor]
 * @property {string} [endColor]
 * @property {string} [centerColor]
 * @property {string} [centerPosition]
 */

/** @typedef {'header' | 'hero' | 'body' | 'footer'} BlockName */

/**
 * @typedef {object} BlockStyle
 * @property {string} [backgroundColor]
 * @property {boolean} [separator]
 * @property {string} [separatorColor]
 */

/**
 * A bubble: FlexNode blocks plus the bubble's own fields. A carousel is `{ type: 'carousel',
 * contents: Bubble[] }`.
 * @typedef {object} Bubble
 * @property {string} [type]
 * @property {string} [size]
 * @property {string} [direction]
 * @property {Partial<Record<BlockName, BlockStyle>>} [styles]
 * @property {FlexNode} [header]
 * @property {FlexNode} [hero]
 * @property {FlexNode} [body]
 * @property {FlexNode} [footer]
 * @property {Bubble[]} [contents]
 * @property {Action} [action]
 */

/**
 * An action object (postback, message, uri, …); handed back to the page through `register`.
 * @typedef {{ type?: string, label?: string, text?: string, displayText?: string, [key: string]: unknown }} Action
 */

/**
 * A template message's template, or one column of a carousel template.
 * @typedef {object} Template
 * @property {string} [type]
 * @property {string} [title]
 * @property {string} [text]
 * @property {Action[]} [actions]
 * @property {string} [thumbnailImageUrl]
 * @property {string} [imageAspectRatio]
 * @property {string} [imageSize]
 * @property {Template[]} [columns]
 * @property {string} [imageUrl]
 * @property {Action} [action]
 */

/**
 * A LINE message object as sent in a reply or push.
 * @typedef {object} Message
 * @property {string} [type]
 * @property {string} [text]
 * @property {Record<string, { type?: string, mentionee?: { type?: string, userId?: string } }>} [substitution]
 * @property {string} [altText]
 * @property {unknown} [contents]
 * @property {Template} [template]
 * @property {string} [previewImageUrl]
 * @property {string} [originalContentUrl]
 * @property {string} [packageId]
 * @property {string} [stickerId]
 * @property {string} [title]
 * @property {string} [address]
 * @property {{ items?: { action?: Action, imageUrl?: string }[] }} [quickReply]
 */

/**
 * @typedef {object} RenderOptions
 * @property {(action: Action) => string} [register] Keeps an action object and returns the id
 *   written as `data-act`.
 * @property {boolean} [emojiFallback] Draw the emoji the bot uses as inline SVG (for browsers
 *   without an emoji font).
 */

/**
 * A component's place in its parent box: the box's layout and spacing, and the component's
 * index among the children that are not absolutely positioned.
 * @typedef {{ layout: string, spacing?: string, index: number }} Parent
 */

/** CSS properties → values; undefined values are left out. @typedef {Record<string, string | undefined>} Styles */

export {};
