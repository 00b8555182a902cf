/**
 * The images the bot serves itself, behind unguessable tokens: a deposit's PromptPay QR (for the
 * customer's image message) and its transfer slip (for the owners' card). LINE fetches both from
 * PUBLIC_URL.
 */
import type { Db } from '../db/client.ts';
import { findDepositByQrToken, findSlipByToken } from '../db/queries/deposits.ts';
import { promptPayPng } from './promptpay.ts';

export interface ServedImage {
  contentType: string;
  data: Buffer;
}

/** Tokens are base64url; anything else is not worth a query. */
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export async function depositQrImage(db: Db, token: string): Promise<ServedImage | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const deposit = await findDepositByQrToken(db, token);
  if (!deposit) return undefined;
  return { contentType: 'image/png', data: await promptPayPng(deposit.promptPayId, deposit.amountSatang) };
}

export async function depositSlipImage(db: Db, token: string): Promise<ServedImage | undefined> {
  if (!TOKEN.test(token)) return undefined;
  return findSlipByToken(db, token);
}
