/**
 * The demo, end to end in a real browser: Debian's Chromium (installed by .ci/run) opens the
 * LINE chat emulator of a bot running in demo mode, tops up 50 baht on AIS by typing and
 * tapping ยืนยัน, and waits for the pushed success card. With UPDATE_SCREENSHOTS=1 it saves
 * the screenshot the README shows (test/e2e/screenshots/demo-chat.png); otherwise it writes
 * to a temporary file, so a test run leaves the work tree clean.
 *
 * Skipped when /usr/bin/chromium is absent. Run alone with
 *   npx vitest run test/e2e/browser.test.ts
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startBot, type RunningBot } from '../../src/start.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SCREENSHOT = process.env.UPDATE_SCREENSHOTS
  ? fileURLToPath(new URL('./screenshots/demo-chat.png', import.meta.url))
  : join(tmpdir(), `demo-chat-${process.pid}.png`);

describe('demo chat in Chromium', () => {
  let bot: RunningBot;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) return;
    dataDir = mkdtempSync(join(tmpdir(), 'browser-test-'));
    bot = await startBot(loadConfig({ DATA_DIR: dataDir }), {
      logger: createLogger({ level: 'silent' }),
      port: 0,
      sweepIntervalMs: 200,
    });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const context = await browser.newContext({ viewport: { width: 1180, height: 1120 }, deviceScaleFactor: 1, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it.skipIf(!hasChromium)('tops up 50 baht on AIS: type, tap ยืนยัน, see the success card', async () => {
    await page.goto(`${bot.url}/dev`);
    await page.locator('.conn.on').waitFor({ timeout: 10_000 });

    const started = Date.now();
    await page.getByTestId('composer-input').fill('เติม 50 0812345678 ais');
    await page.getByTestId('composer-input').press('Enter');

    // The customer's own bubble, then the confirm card (a Flex reply) with its buttons.
    await expect.poll(() => page.getByTestId('user-message').last().textContent()).toContain('เติม 50 0812345678 ais');
    const confirm = page.locator('#chat-user .fx-button', { hasText: 'ยืนยัน' }).last();
    await confirm.waitFor({ timeout: 15_000 });
    const cardText = await page.locator('#chat-user .msg-flex').last().innerText();
    expect(cardText).toContain('081-234-5678');
    expect(cardText).toContain('AIS');

    await confirm.click();

    // The postback's displayText shows as the customer's bubble; the bot acknowledges, and the
    // result is pushed once the simulated provider settles (≈3 s in demo mode).
    const success = page.locator('#chat-user [data-testid="bot-message"] .msg-flex', { hasText: 'สำเร็จ' }).last();
    await success.waitFor({ timeout: 20_000 });
    const elapsedMs = Date.now() - started;
    expect(elapsedMs).toBeLessThan(20_000);
    expect(await success.innerText()).toContain('081-234-5678');
    expect(await page.locator('#chat-user [data-testid="bot-message"]').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining('รับรายการแล้ว')]),
    );

    // The success card was pushed, not replied (the reply token was used for the acknowledgement).
    const pushed = bot.lineStandin!.pushes().filter((p) => p.messages.some((m) => m.type === 'flex'));
    expect(pushed.length).toBeGreaterThanOrEqual(1);

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

    await page.waitForTimeout(400); // let the scroll animation finish
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(pageErrors).toEqual([]);
    console.info(`browser top-up: success card after ${elapsedMs} ms`);
  }, 60_000);
});
