// Emoji without an emoji font.
//
// Debian's Chromium with only fonts-thai-tlwg has no emoji font, so the bot's ✅ 🙏 😊 would be
// boxes. When the page finds no colour emoji font it passes `emojiFallback: true` and the few
// emoji the bot uses are drawn as small inline SVGs instead; any other emoji is left as is.
// The CJK corner brackets 「」 the owner messages use get the same treatment (no CJK font).

/** @param {string} body */
const S = (body) => `<svg class="emoji" viewBox="0 0 36 36" aria-hidden="true">${body}</svg>`;
const FACE = '<circle cx="18" cy="18" r="17" fill="#FFCC4D"/>';
/** The drawings, by emoji. @type {Record<string, string>} */
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

/**
 * Replaces the emoji in an HTML string's text (never inside tags) with their SVG drawings.
 * @param {string} html
 * @returns {string}
 */
export function withEmojiFallback(html) {
  return html.replace(EMOJI_RE, (whole, /** @type {string | undefined} */ tag, /** @type {string} */ emoji) => (tag ? tag : (EMOJI_SVG[emoji] ?? whole)));
}
