/**
 * Every card, as the emulator renders it in Chromium at a phone's width, MEASURED: no title,
 * no label and no short value of a row breaks onto a second line or is cut off. Thai has no
 * spaces, so a label that does not fit is broken between syllables ("เลขที่/รายการ"), which
 * reads as two words; this is what the test guards against.
 *
 * Widths: a 360 px viewport, where the emulator's phone is 340 px and both kilo and mega bubbles
 * come out 242 px wide (about what LINE's app leaves beside the avatar on a 360 px screen); a
 * 350 px viewport (232 px bubbles) as headroom for a phone font a little wider than Chromium's
 * Thai font; and a desktop viewport, where bubbles have LINE's declared widths (kilo 260, mega
 * 300). The cards reach the page the way the bot's do: pushed to the LINE stand-in, relayed by
 * the emulator's event stream, drawn by its renderer.
 *
 * Skipped when /usr/bin/chromium is absent, except in CI, where that fails the run. Run alone with
 *   npx vitest run test/demo/emulator/card-layout.test.ts
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium } from '../../support/chromium.ts';
import { devRoutes } from '../../../src/demo/emulator/routes.ts';
import { DEMO_GROUP_ID } from '../../../src/demo/emulator/webhook.ts';
import { createLineStandin } from '../../../src/demo/line-standin/index.ts';
import { createSimulator } from '../../../src/demo/simulator/index.ts';
import { customerCards, ownerCards, type Card } from '../../support/cards.ts';


/** What the page measured about one rendered bubble. */
interface Measured {
  width: number;
  rows: number;
  problems: string[];
}

/** Runs in the page: every bubble of one chat, its width and what wraps or is cut. */
function measureBubbles(chatSelector: string): Measured[] {
  const lines = (el: Element) => {
    const style = getComputedStyle(el);
    return Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight));
  };
  const cut = (el: Element) => el.scrollWidth > el.clientWidth + 1;
  const say = (what: string, el: Element) => `${what} "${el.textContent}" ${lines(el)} lines${cut(el) ? ', cut off' : ''}`;
  return [...document.querySelectorAll(`${chatSelector} .fx-bubble`)].map((bubble) => {
    const problems: string[] = [];
    for (const el of bubble.querySelectorAll('.fx-block-header .fx-text')) if (lines(el) !== 1 || cut(el)) problems.push(say('title', el));
    let rows = 0;
    // A row is a horizontal box of texts only: a label and its value, or a table's cells.
    for (const box of bubble.querySelectorAll('.fx-box')) {
      if (getComputedStyle(box).flexDirection !== 'row') continue;
      const cells = [...box.children];
      if (cells.length < 2 || !cells.every((c) => c.classList.contains('fx-text'))) continue;
      rows++;
      cells.forEach((el, i) => {
        if (lines(el) !== 1 || cut(el)) problems.push(say(i === 0 ? 'label' : 'value', el));
      });
    }
    if (bubble.scrollWidth > bubble.clientWidth + 1) problems.push('the bubble overflows sideways');
    return { width: Math.round(bubble.getBoundingClientRect().width), rows, problems };
  });
}

describe('cards at phone width, measured in Chromium', () => {
  let browser: Browser;
  const report: string[] = [];

  beforeAll(async () => {
    if (!hasChromium) return;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (report.length) console.info(`card layout (bubble width px, rows measured):\n${report.join('\n')}`);
  });

  /** A fresh emulator (its own event stream, so each page starts with empty chats) and LINE stand-in. */
  async function emulator(): Promise<{ devUrl: string; lineOrigin: string; close(): Promise<void> }> {
    const standin = createLineStandin();
    const simulator = createSimulator({ settleAfterMs: Infinity });
    const lineOrigin = await standin.listen();
    const app = express();
    // Nothing is sent to the bot here: the cards are pushed straight to the stand-in.
    app.use('/dev', devRoutes({ lineStandin: standin, simulator, channelSecret: 'layout', webhookUrl: 'http://127.0.0.1:9/webhook' }));
    const server: Server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return {
      devUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dev/`,
      lineOrigin,
      async close() {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
        await standin.close();
        await simulator.close();
      },
    };
  }

  async function push(lineOrigin: string, to: string, card: Card): Promise<void> {
    const res = await fetch(`${lineOrigin}/v2/bot/message/push`, {
      method: 'POST',
      headers: { authorization: 'Bearer layout', 'content-type': 'application/json' },
      body: JSON.stringify({ to, messages: [card] }),
    });
    expect(res.status).toBe(200);
  }

  /** Pushes the cards to one chat of a fresh page and measures them there. */
  async function measure(page: Page, lineOrigin: string, chat: 'user' | 'group', cards: [string, Card][]): Promise<string[]> {
    const to = chat === 'group' ? DEMO_GROUP_ID : await page.evaluate(() => localStorage.getItem('lineDemo.userId')!);
    await page.locator(`#tab-${chat}`).click();
    for (const [, card] of cards) await push(lineOrigin, to, card);
    const selector = `#chat-${chat}`;
    await expect.poll(() => page.locator(`${selector} .fx-bubble`).count()).toBe(cards.length);
    const measured = await page.evaluate(measureBubbles, selector);
    const problems: string[] = [];
    measured.forEach((m, i) => {
      const [name] = cards[i]!;
      report.push(`  ${String(page.viewportSize()?.width).padStart(4)} · ${chat.padEnd(5)} · ${name.padEnd(32)} ${m.width} px, ${m.rows} rows`);
      expect(m.rows, `${name}: its rows were found`).toBeGreaterThan(0);
      for (const p of m.problems) problems.push(`${name} at ${m.width} px: ${p}`);
    });
    return problems;
  }

  for (const viewport of [{ width: 350, height: 800 }, { width: 360, height: 800 }, { width: 1180, height: 900 }]) {
    for (const lang of ['th', 'en'] as const) {
      it.skipIf(!hasChromium)(`${lang}, ${viewport.width} px: no title, label or value wraps or is cut`, async () => {
        const dev = await emulator();
        const context = await browser.newContext({ viewport, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
        try {
          const page = await context.newPage();
          await page.goto(dev.devUrl);
          await page.locator('.conn.on').waitFor();
          const problems = [
            ...(await measure(page, dev.lineOrigin, 'user', customerCards(lang))),
            ...(await measure(page, dev.lineOrigin, 'group', ownerCards(lang))),
          ];
          expect(problems).toEqual([]);
        } finally {
          await context.close();
          await dev.close();
        }
      }, 60_000);
    }
  }
});
