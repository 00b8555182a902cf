/**
 * The conversation remembered in process is only a head start: when another instance (or
 * anything else) wrote the chat's conversation since, the bot decides on what is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConversation } from '../../src/db/queries/conversations.ts';
import { writeTurn } from '../../src/db/queries/turns.ts';
import { drivers } from '../support/db.ts';
import { startHarness, textOf, type Harness } from '../support/harness.ts';

describe.each(drivers())('a conversation written elsewhere on %s', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(driver);
  });
  afterAll(() => h.stop());

  it('the next answer follows the stored conversation, not the one this instance remembers', async () => {
    const u = `Umemo${driver}${Date.now()}`;
    await h.text(u, 'เติม 50 ทรู');
    await h.waitFor(u, (m) => m.length === 1);
    // Meanwhile another instance took the customer's change to ฿100 on AIS.
    const stored = await readConversation(h.db, u);
    const written = await writeTurn(h.db, {
      chatId: u,
      state: { slots: { amount: 100, network: 'AIS' }, asking: 'number' },
      expectedVersion: stored.version,
      ttlMs: 60_000,
    });
    expect(written.kind).toBe('written');
    await h.text(u, '0812345678');
    const [, card] = await h.waitFor(u, (m) => m.length === 2);
    expect(card!.message.type).toBe('flex');
    expect(textOf(card!.message)).toContain('฿100');
    expect(textOf(card!.message)).toContain('AIS');
    expect(h.invalidPayloads()).toEqual([]);
  });
});
