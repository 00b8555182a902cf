// The emulator's sticker picker. The package and sticker ids are stickers of LINE's free
// packages, so the bot receives the sticker message events a LINE client would send; the page
// has none of LINE's artwork, so each is drawn as an emoji, and the keywords (which LINE adds to
// sticker events, experimentally) are the emulator's own words for that emoji.

/** @typedef {{ packageId: string, stickerId: string, emoji: string, keywords: string[] }} Sticker */

/** @type {readonly Sticker[]} */
export const STICKERS = [
  { packageId: '446', stickerId: '1988', emoji: '😊', keywords: ['Happy', 'Smile'] },
  { packageId: '446', stickerId: '1989', emoji: '🙏', keywords: ['Thank you', 'Please'] },
  { packageId: '446', stickerId: '1990', emoji: '👍', keywords: ['OK', 'Good'] },
  { packageId: '446', stickerId: '1991', emoji: '😂', keywords: ['LOL', 'Funny'] },
  { packageId: '446', stickerId: '1992', emoji: '😍', keywords: ['Love'] },
  { packageId: '446', stickerId: '1993', emoji: '😢', keywords: ['Sad'] },
  { packageId: '11537', stickerId: '52002734', emoji: '🎉', keywords: ['Congratulations'] },
  { packageId: '11537', stickerId: '52002735', emoji: '🤔', keywords: ['Hmm', 'Thinking'] },
];

/**
 * The emoji the page draws for a sticker; a sticker it does not know gets a generic one.
 * @param {{ packageId?: string, stickerId?: string } | undefined} sticker
 * @returns {string}
 */
export function stickerEmoji(sticker) {
  const known = STICKERS.find((s) => s.packageId === sticker?.packageId && s.stickerId === sticker?.stickerId);
  return known?.emoji ?? '🏷️';
}

/**
 * The picker's tiles: one button per sticker, its index in `data-sticker`.
 * @returns {string}
 */
export function pickerHtml() {
  return STICKERS.map(
    (s, i) => `<button type="button" class="sticker-tile" data-sticker="${i}" title="${s.keywords.join(', ')}" aria-label="${s.keywords[0]}">${s.emoji}</button>`,
  ).join('');
}
