/**
 * A restarted demo carries on (DESIGN §5): two real `npm start` processes, one after the other,
 * on one DATA_DIR. The second shows the first one's chat, and its next order succeeds: the
 * simulator's ORDERIDs do not start again at 00000001.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childBot, freePort, type ChildBot } from '../support/child-bot.ts';
import { buttonData } from '../support/harness.ts';

interface FeedEvent {
  seq: number;
  kind: string;
  via?: string;
  messages?: { type: string; altText?: string; text?: string }[];
}

/** The emulator's event stream from the start, until `until` holds for what arrived. */
async function feedUntil(url: string, until: (events: FeedEvent[]) => boolean, timeoutMs = 20_000): Promise<FeedEvent[]> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const events: FeedEvent[] = [];
  try {
    const response = await fetch(`${url}/dev/events`, { signal: abort.signal });
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of response.body!) {
      buffered += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (data) events.push(JSON.parse(data.slice(6)) as FeedEvent);
      }
      if (until(events)) return events;
    }
    throw new Error('the event stream ended');
  } catch (error) {
    if (abort.signal.aborted) throw new Error(`timed out; the feed had:\n${JSON.stringify(events.map(show), null, 1)}`);
    throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

const CUSTOMER = 'Udemo-restart';
const show = (e: FeedEvent) => `${e.kind}: ${(e.messages ?? []).map((m) => m.altText ?? m.text).join(' / ')}`;
const says = (e: FeedEvent, needle: string) => e.kind === 'bot' && JSON.stringify(e.messages).includes(needle);

async function send(bot: ChildBot, body: Record<string, unknown>) {
  const response = await fetch(`${bot.url}/dev/api/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chat: 'user', userId: CUSTOMER, ...body }),
  });
  expect(response.status).toBe(200);
}

/** Types an order, taps ยืนยัน on its card, and waits for the n-th success card. */
async function orderAndWait(bot: ChildBot, n: number): Promise<FeedEvent[]> {
  await send(bot, { kind: 'text', text: 'เติม 50 0812345678 ais' });
  const withCard = await feedUntil(bot.url, (events) => events.filter((e) => says(e, 'ยืนยัน')).length >= n);
  const card = withCard.filter((e) => says(e, 'ยืนยัน')).at(-1)!;
  const data = buttonData(card.messages![0] as never, 'ยืนยัน');
  await send(bot, { kind: 'postback', data, displayText: 'ยืนยัน' });
  return feedUntil(bot.url, (events) => events.filter((e) => says(e, 'เติมเงินสำเร็จ')).length >= n);
}

describe('a restarted demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'topup-demo-restart-'));
  let bot: ChildBot | undefined;
  afterAll(async () => {
    await bot?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps its chat and carries on: the next order succeeds', async () => {
    const port = await freePort();
    bot = childBot({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, port);
    await bot.start();
    await orderAndWait(bot, 1);
    await bot.stop();

    bot = childBot({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, port);
    await bot.start();
    // The chat so far comes back as it was …
    const history = await feedUntil(bot.url, (events) => events.some((e) => says(e, 'เติมเงินสำเร็จ')));
    expect(history.filter((e) => says(e, 'เติมเงินสำเร็จ'))).toHaveLength(1);
    // … and the next order goes through, with a new ORDERID.
    const after = await orderAndWait(bot, 2);
    expect(after.some((e) => says(e, 'ไม่แน่ใจ'))).toBe(false);
    const simulator = (await (await fetch(`${bot.url}/dev/simulator`)).json()) as { orders: { orderId: string; status: string }[] };
    expect(simulator.orders.map((o) => o.orderId).sort()).toEqual(['00000001', '00000002']);
    expect(simulator.orders.every((o) => o.status === 'success')).toBe(true);
  }, 90_000);
});
