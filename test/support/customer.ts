/**
 * A customer's first steps, shared by the end-to-end tests: credit set aside by the shop, and an
 * order typed up to its confirm card.
 */
import { expect } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { adjustCredit } from '../../src/wallet/deposits.ts';
import { buttonData, type Harness } from './harness.ts';

/** Credits the customer's wallet with `baht` (as an owner's command would, without its news). */
export async function creditWallet(db: Db, userId: string, baht: number): Promise<void> {
  const result = await adjustCredit(db, { userId, kind: 'credit', amountSatang: baht * 100, reason: 'test', actor: 'Utest', key: `test:${userId}` }, async () => {});
  expect(result.kind).toBe('applied');
}

/** Types the order and returns its confirm card's button data. */
export async function confirmData(h: Harness, userId: string, text = 'เติม 50 0812345678 ais'): Promise<string> {
  const before = h.delivered(userId).length;
  await h.text(userId, text);
  const messages = await h.waitFor(userId, (m) => m.slice(before).some((x) => x.message.type === 'flex'));
  return buttonData(messages.slice(before).find((x) => x.message.type === 'flex')!.message, 'ยืนยัน')!;
}
