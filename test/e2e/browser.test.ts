/**
 * The demo, end to end in a real browser: Debian's Chromium (installed by .ci/run) opens the
 * LINE chat emulator of a bot running in demo mode. It tops up 50 baht on AIS by typing and
 * tapping ยืนยัน and waits for the pushed success card; asks the owners' group for its cards;
 * checks the page's clock, its unread badges, its sticker picker and that a restarted bot's
 * chat carries on in the open page.
 *
 * With UPDATE_SCREENSHOTS=1 it saves the screenshots the README shows
 * (test/e2e/screenshots/demo-chat.png and owners-group.png); otherwise it writes them to a
 * temporary folder, so a test run leaves the work tree clean.
 *
 * Skipped when /usr/bin/chromium is absent, except in CI, where that fails the run. Run alone with
 *   npx vitest run test/e2e/browser.test.ts
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium } from '../support/chromium.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import type { DevEvent } from '../../src/demo/emulator/feed.ts';
import { createLogger } from '../../src/log.ts';
import { startBot, type RunningBot } from '../../src/start.ts';
import { desc, eq } from 'drizzle-orm';
import { orders } from '../../src/db/schema.ts';
import { formatBaht } from '../../src/format.ts';
import { bangkokMidnight } from '../../src/owner/summary.ts';
import { freePort } from '../support/child-bot.ts';
import { testClock } from '../support/clock.ts';

const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? fileURLToPath(new URL('./screenshots/', import.meta.url)) : mkdtempSync(join(tmpdir(), 'demo-shots-'));

/** The clock on a bubble, as a Bangkok shop reads it. */
const bangkokClock = (at: number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Bangkok', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

describe('demo chat in Chromium', () => {
  let bot: RunningBot;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dataDir: string;
  let port: number;
  const pageErrors: string[] = [];
  /** สรุปวันนี้ reads this calendar. */
  const clock = testClock();

  const start = () =>
    startBot(loadConfig({ DATA_DIR: dataDir }), { logger: createLogger({ level: 'silent' }), port, sweepIntervalMs: 200, clock });

  beforeAll(async () => {
    if (!hasChromium) return;
    dataDir = mkdtempSync(join(tmpdir(), 'browser-test-'));
    port = await freePort();
    bot = await start();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // The browser's clock is in New York: the page must still show the shop's (Bangkok) time.
    context = await browser.newContext({ viewport: { width: 1180, height: 1120 }, deviceScaleFactor: 1, locale: 'th-TH', timezoneId: 'America/New_York' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (!process.env.UPDATE_SCREENSHOTS) rmSync(SCREENSHOTS, { recursive: true, force: true });
    expect(pageErrors).toEqual([]);
  }, 30_000);

  const userId = () => page.evaluate(() => localStorage.getItem('lineDemo.userId')!);

  /** The emulator open in the page (each test may be the first to run). */
  async function openEmulator(): Promise<void> {
    if (!page.url().startsWith(`${bot.url}/dev`)) await page.goto(`${bot.url}/dev`);
    await page.locator('.conn.on').waitFor({ timeout: 15_000 });
  }

  async function send(body: Record<string, unknown>): Promise<void> {
    const res = await fetch(`${bot.url}/dev/api/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chat: 'user', ...body }) });
    expect(res.status).toBe(200);
  }

  /** A ฿50 AIS top-up for the page's customer through the emulator's API, up to its success card. */
  async function topUpByApi(): Promise<void> {
    const u = await userId();
    const standin = bot.lineStandin!;
    const cards = () => standin.replies().filter((r) => r.to === u && JSON.stringify(r.messages).includes('action=confirm'));
    const before = cards().length;
    await send({ userId: u, kind: 'text', text: 'เติม 50 0812345678 ais' });
    await expect.poll(() => cards().length, { timeout: 15_000 }).toBe(before + 1);
    const data = /"data":"(action=confirm[^"]+)"/.exec(JSON.stringify(cards().at(-1)!.messages))![1]!;
    const successes = () => standin.pushes().filter((p) => p.to === u && JSON.stringify(p.messages).includes('สำเร็จ')).length;
    const done = successes();
    await send({ userId: u, kind: 'postback', data, displayText: 'ยืนยัน' });
    await expect.poll(successes, { timeout: 20_000 }).toBe(done + 1);
  }
  const customerBubbles = () => page.locator('#chat-user [data-testid="bot-message"]');

  async function typeText(text: string): Promise<void> {
    await page.getByTestId('composer-input').fill(text);
    await page.getByTestId('composer-input').press('Enter');
  }

  /** What the server's event stream replays for a chat right now (its history). */
  async function history(chatId: string): Promise<DevEvent[]> {
    const res = await fetch(`${bot.url}/dev/events`);
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: replayed')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    return text
      .split('\n\n')
      .filter((block) => block.startsWith('id: '))
      .map((block) => JSON.parse(block.slice(block.indexOf('data: ') + 6)) as DevEvent)
      .filter((e) => e.chatId === chatId);
  }

  it.skipIf(!hasChromium)('tops up 50 baht on AIS: type, tap ยืนยัน, see the success card', async () => {
    await openEmulator();
    await page.locator('#tab-user').click();
    const pushedFlex = () => bot.lineStandin!.pushes().filter((p) => p.messages.some((m) => m.type === 'flex'));
    const pushedBefore = pushedFlex().length;
    // Other tests of this file may have left success cards in the same chat: wait for a new one.
    const successCards = page.locator('#chat-user [data-testid="bot-message"] .msg-flex', { hasText: 'สำเร็จ' });
    const successBefore = await successCards.count();

    await typeText('เติม 50 0812345678 ais');

    // The customer's own bubble, then the confirm card (a Flex reply) with its buttons.
    await expect.poll(() => page.locator('#chat-user [data-testid="user-message"]').last().textContent()).toContain('เติม 50 0812345678 ais');
    const confirm = page.locator('#chat-user .fx-button', { hasText: 'ยืนยัน' }).last();
    await confirm.waitFor({ timeout: 15_000 });
    const cardText = await page.locator('#chat-user .msg-flex').last().innerText();
    expect(cardText).toContain('081-234-5678');
    expect(cardText).toContain('AIS');

    await confirm.click();

    // The postback's displayText shows as the customer's bubble; the bot acknowledges, and the
    // result is pushed once the simulated provider settles (≈3 s in demo mode).
    await expect.poll(() => successCards.count(), { timeout: 20_000 }).toBeGreaterThan(successBefore);
    const success = successCards.last();
    expect(await success.innerText()).toContain('081-234-5678');
    // Thai date with the Buddhist-era year.
    expect(await success.innerText()).toMatch(/\d{2}\/\d{2}\/25\d{2} \d{2}:\d{2} น\./);
    expect(await customerBubbles().allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('รับรายการแล้ว')]));

    // The success card was pushed, not replied (the reply token was used for the acknowledgement).
    expect(pushedFlex()).toHaveLength(pushedBefore + 1);

    // Thai must render with a real Thai font, not as boxes: ask Chromium which platform fonts
    // drew the success card's title.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    await success.locator('.fx-text').first().evaluate((el) => el.setAttribute('data-font-probe', ''));
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-font-probe]' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const thai = fonts.filter((f) => /loma|garuda|waree|norasi|kinnari|sawasdee|umpush|tlwg|noto sans thai|thonburi|leelawadee/i.test(f.familyName));
    expect(thai.reduce((n, f) => n + f.glyphCount, 0), JSON.stringify(fonts)).toBeGreaterThan(5);

    await success.scrollIntoViewIfNeeded();
    await page.locator('#chat-user').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'demo-chat.png'), animations: 'disabled' });
  }, 60_000);

  it.skipIf(!hasChromium)('the owners’ group: balance and today’s summary (with a ฿50 top-up) as cards', async () => {
    await openEmulator();
    await topUpByApi();
    // Asked the same Bangkok day as that top-up, whenever the test runs.
    const [latest] = await bot.database.db.select().from(orders).orderBy(desc(orders.confirmedAt)).limit(1);
    clock.set(new Date(latest!.confirmedAt!.getTime() + 1));
    await page.locator('#tab-group').click();
    for (const command of ['ยอดเงิน', 'สรุปวันนี้']) {
      const before = await page.locator('#chat-group .msg-flex').count();
      await typeText(command);
      await expect.poll(() => page.locator('#chat-group .msg-flex').count(), { timeout: 15_000 }).toBe(before + 1);
    }
    const cards = await page.locator('#chat-group .msg-flex').allInnerTexts();
    expect(cards.join('\n')).toContain('ยอดเงินคงเหลือ');
    expect(cards.join('\n')).toContain('สรุปยอดวันนี้');
    // The summary counts today's top-ups up to now, the one just made among them (all ฿50 on AIS).
    const done = await bot.database.db.select().from(orders).where(eq(orders.status, 'success'));
    const at = clock.now();
    const today = done.filter((o) => o.confirmedAt! >= bangkokMidnight(at) && o.confirmedAt! < at);
    expect(today.length).toBeGreaterThanOrEqual(1);
    expect(cards.at(-1)).toContain(`รวมสำเร็จ\n${today.length} รายการ\nยอดขายรวม\n${formatBaht(today.length * 5_000)}`);
    await page.locator('#chat-group').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.screenshot({ path: join(SCREENSHOTS, 'owners-group.png'), animations: 'disabled' });
  }, 60_000);

  it.skipIf(!hasChromium)('bubbles show Bangkok time in a browser that is elsewhere', async () => {
    await openEmulator();
    await page.locator('#tab-user').click();
    const text = `สวัสดีค่ะ ${Date.now()}`;
    await typeText(text);
    const mine = page.locator('#chat-user [data-testid="user-message"]').last();
    await expect.poll(() => mine.textContent()).toContain(text);
    const shown = await mine.locator('.meta').innerText();
    const clock = shown.split('\n').at(-1)!.trim();
    // The time the server stamped on that message, as a Bangkok shop reads it.
    const sent = (await history(await userId())).find((e) => e.kind === 'user' && e.text === text)!;
    expect(clock).toBe(bangkokClock(sent.at));
    // The browser's own zone (New York) would be 12 hours off.
    expect(clock).not.toBe(await page.evaluate((at) => new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }), sent.at));
  }, 30_000);

  it.skipIf(!hasChromium)('no stray unread badge after a reload on the group tab; a new message still shows one', async () => {
    await openEmulator();
    const u = await userId();
    // Some history for the customer's chat, answered.
    const answered = async () => (await history(u)).filter((e) => e.kind === 'bot').length;
    const before = await answered();
    await send({ userId: u, kind: 'text', text: 'สวัสดีค่ะ' });
    await expect.poll(answered, { timeout: 10_000 }).toBeGreaterThan(before);
    await page.locator('#tab-group').click();
    await page.reload();
    await page.locator('.conn.on').waitFor();
    // The customer's chat was replayed while the group tab was open: that is history, not news.
    const replayed = (await history(u)).reduce((n, e) => n + (e.kind === 'bot' ? e.messages.length : 0), 0);
    await expect.poll(() => customerBubbles().count()).toBe(replayed);
    expect(await page.locator('#badge-user.on').count()).toBe(0);

    // A message that arrives now, on the other tab, is news.
    await send({ userId: u, kind: 'text', text: 'วิธีใช้' });
    await page.locator('#badge-user.on').waitFor({ timeout: 10_000 });
    await page.locator('#tab-user').click();
    expect(await page.locator('#badge-user.on').count()).toBe(0);
  }, 30_000);

  it.skipIf(!hasChromium)('sends a LINE sticker from the picker, and the bot answers it', async () => {
    await openEmulator();
    await page.locator('#tab-user').click();
    const answers = await customerBubbles().count();
    await page.getByTestId('send-sticker').click();
    await page.getByTestId('sticker-picker').locator('[data-sticker="1"]').click();
    await page.getByTestId('user-sticker').last().waitFor();
    expect(await page.getByTestId('user-sticker').last().getAttribute('title')).toBe('446/1989');
    await expect.poll(() => customerBubbles().count()).toBeGreaterThan(answers);
    expect(await page.getByTestId('sticker-picker').isHidden()).toBe(true);
    // The bot got a sticker message event, as from LINE (its shape: test/demo/emulator/routes.test.ts).
    const events = await history(await userId());
    expect(events.filter((e) => e.kind === 'user').at(-1)).toMatchObject({ sticker: { packageId: '446', stickerId: '1989' } });
  }, 30_000);

  it.skipIf(!hasChromium)('after the bot restarts, the open page shows the server’s chat and carries on', async () => {
    await openEmulator();
    await page.locator('#tab-user').click();
    await topUpByApi(); // an order for เช็คสถานะ to report
    const u = await userId();
    await bot.close();
    bot = await start();
    // The page reconnects by itself and shows exactly what the restarted server holds for this chat.
    await page.locator('.conn.on').waitFor({ timeout: 15_000 });
    const held = (await history(u)).filter((e) => e.kind === 'user').length;
    await expect.poll(() => page.locator('#chat-user [data-testid="user-message"]').count(), { timeout: 10_000 }).toBe(held);

    // And it carries on: a new message and its answer appear without a reload.
    const before = await customerBubbles().count();
    await typeText('เช็คสถานะ');
    await expect.poll(() => page.locator('#chat-user [data-testid="user-message"]').last().textContent(), { timeout: 10_000 }).toContain('เช็คสถานะ');
    await expect.poll(() => customerBubbles().count(), { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await customerBubbles().last().innerText()).toContain('081-234-5678');
  }, 60_000);
});
