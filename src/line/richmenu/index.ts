/**
 * The bot's rich menu (เติมเงิน / เช็คสถานะ / วิธีใช้): the request, the image drawn in-process,
 * and installing both as every user's default menu. Used by `npm run setup:line`.
 */
import type { LineClient } from '../client.ts';
import { richMenuImage } from './image.ts';
import { richMenuRequest } from './layout.ts';

export { richMenuImage } from './image.ts';
export { RICH_MENU_BUTTONS, RICH_MENU_HEIGHT, RICH_MENU_WIDTH, richMenuRequest } from './layout.ts';

/** Creates the menu, uploads its image and makes it the default; returns the new menu's id. */
export async function installRichMenu(line: Pick<LineClient, 'createRichMenu' | 'setRichMenuImage' | 'setDefaultRichMenu'>): Promise<string> {
  const richMenuId = await line.createRichMenu(richMenuRequest());
  const png = richMenuImage();
  await line.setRichMenuImage(richMenuId, new Blob([new Uint8Array(png)], { type: 'image/png' }));
  await line.setDefaultRichMenu(richMenuId);
  return richMenuId;
}
