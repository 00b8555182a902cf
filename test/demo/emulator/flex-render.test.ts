/**
 * The emulator's Flex renderer in Node (it is a plain ES module): the bot's real cards come out
 * with LINE's sizes, colours and layout rules, every button is tappable, and text is escaped.
 */
import { describe, expect, it } from 'vitest';
import { renderFlex, renderMessage, renderQuickReply, withEmojiFallback } from '../../../src/demo/emulator/page/flex-render.js';
import { translator } from '../../../src/i18n.ts';
import { confirmCard } from '../../../src/line/messages/confirm-card.ts';
import { successCard } from '../../../src/line/messages/result-card.ts';
import { textMessage, messageChip, postbackChip } from '../../../src/line/messages/text.ts';

function registry() {
  const actions: Record<string, unknown>[] = [];
  return { actions, register: (a: Record<string, unknown>) => String(actions.push(a) - 1) };
}

describe('Flex renderer', () => {
  const t = translator('th');

  it('renders the confirm card: header, body rows, footer buttons with their postbacks', () => {
    const card = confirmCard(t, {
      number: '0812345678',
      network: 'AIS',
      amountSatang: 5000,
      minutesToConfirm: 10,
      confirmData: 'action=confirm&order=o1&t=tok',
      editData: 'action=edit&order=o1',
      cancelData: 'action=cancel&order=o1',
    });
    const r = registry();
    const { kind, html } = renderMessage(card, r);
    expect(kind).toBe('flex');
    expect(html).toContain('fx-size-kilo');
    expect(html).toContain('width:260px');
    expect(html).toContain('fx-block-header');
    expect(html).toContain('fx-block-footer');
    // LINE's sizes: lg title 19px, xl amount 22px, sm labels 14px.
    expect(html).toMatch(/font-size:19px[^"]*font-weight:700[^"]*">ยืนยันการเติมเงิน/);
    expect(html).toMatch(/font-size:22px[^"]*">฿50</);
    // The header asks for no bottom padding; the other sides keep the block's 20px.
    expect(html).toContain('padding-top:20px;padding-bottom:0px');
    expect(html).toContain('fx-button fx-primary');
    expect(html).toContain('background-color:#06C755');
    expect(r.actions.map((a) => a['data'])).toEqual(['action=confirm&order=o1&t=tok', 'action=edit&order=o1', 'action=cancel&order=o1']);
    expect(html).toMatch(/data-act="0"[^>]*><span>ยืนยัน<\/span>/);
  });

  it('lays out rows: horizontal children share the width by flex, vertical ones stack with spacing', () => {
    const html = renderFlex({
      type: 'bubble',
      body: {
        type: 'box',
        layout: 'vertical',
        spacing: 'md',
        contents: [
          { type: 'box', layout: 'horizontal', contents: [{ type: 'text', text: 'a', flex: 2 }, { type: 'text', text: 'b', flex: 4, align: 'end' }] },
          { type: 'separator', margin: 'xl', color: '#ff0000' },
          { type: 'box', layout: 'baseline', contents: [{ type: 'icon', url: 'https://x/i.png', size: 'sm' }, { type: 'text', text: 'c', flex: 0 }] },
        ],
      },
    });
    expect(html).toContain('flex:2 1 0px');
    expect(html).toContain('flex:4 1 0px');
    expect(html).toContain('text-align:end');
    expect(html).toContain('margin-top:16px'); // the separator's own margin wins over spacing
    expect(html).toContain('border-top:1px solid #ff0000');
    expect(html).toContain('margin-top:8px'); // spacing md before the third child
    expect(html).toContain('align-items:baseline');
    expect(html).toContain('class="fx-icon"');
    expect(html).toContain('height:14px');
  });

  it('renders carousels, images, gradients, spans and absolute boxes', () => {
    const html = renderFlex({
      type: 'carousel',
      contents: [
        { type: 'bubble', size: 'micro', hero: { type: 'image', url: 'https://x/a.png', size: 'full', aspectRatio: '20:13', aspectMode: 'cover' }, body: { type: 'box', layout: 'vertical', contents: [] } },
        {
          type: 'bubble',
          body: {
            type: 'box',
            layout: 'vertical',
            background: { type: 'linearGradient', angle: '90deg', startColor: '#000000', endColor: '#ffffff' },
            cornerRadius: 'lg',
            contents: [
              { type: 'text', contents: [{ type: 'span', text: 'ลด', color: '#ff0000', weight: 'bold' }, { type: 'span', text: '฿120', decoration: 'line-through' }] },
              { type: 'box', layout: 'vertical', position: 'absolute', offsetTop: '10px', offsetEnd: 'md', contents: [] },
            ],
          },
        },
      ],
    });
    expect(html.startsWith('<div class="fx-carousel">')).toBe(true);
    expect(html).toContain('width:160px');
    expect(html).toContain('aspect-ratio:20 / 13');
    expect(html).toContain('object-fit:cover');
    expect(html).toContain('linear-gradient(90deg, #000000, #ffffff)');
    expect(html).toContain('border-radius:12px');
    expect(html).toContain('<span class="fx-span" style="color:#ff0000;font-weight:700">ลด</span>');
    expect(html).toContain('text-decoration:line-through');
    expect(html).toContain('position:absolute;top:10px;inset-inline-end:8px');
  });

  it('renders the success card the bot pushes', () => {
    const card = successCard(t, {
      ref: 'TP1',
      number: '0812345678',
      network: 'AIS',
      amountSatang: 5000,
      providerOrderId: '00000001',
      at: new Date(),
      repeatData: 'action=repeat&order=1',
      receiptData: 'action=receipt&order=1',
    });
    const { html } = renderMessage(card);
    expect(html).toContain(t('result.success.title').replace(/[<>&]/g, ''));
    expect(html).toContain('081-234-5678');
  });

  it('escapes text and refuses script URLs', () => {
    const r = registry();
    const html = renderFlex(
      {
        type: 'bubble',
        body: {
          type: 'box',
          layout: 'vertical',
          contents: [
            { type: 'text', text: '<img src=x onerror=alert(1)>' },
            { type: 'image', url: 'javascript:alert(1)' },
            { type: 'button', action: { type: 'uri', label: '"><b>x</b>', uri: 'https://x' } },
          ],
        },
      },
      r,
    );
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<b>x</b>');
  });

  it('renders text messages and their quick replies; chips keep their actions', () => {
    const message = textMessage('เครือข่ายไหนคะ', [messageChip('AIS'), postbackChip('ยกเลิก', 'action=cancel', 'ยกเลิก')]);
    expect(renderMessage(message)).toEqual({ kind: 'text', html: '<div class="msg-text">เครือข่ายไหนคะ</div>' });
    const r = registry();
    const chips = renderQuickReply(message, r);
    expect(chips.match(/class="qr-chip"/g)).toHaveLength(2);
    expect(r.actions).toEqual([
      { type: 'message', label: 'AIS', text: 'AIS' },
      { type: 'postback', label: 'ยกเลิก', data: 'action=cancel', displayText: 'ยกเลิก' },
    ]);
    expect(renderQuickReply({ type: 'text', text: 'x' })).toBe('');
  });

  it('draws the bot’s emoji without an emoji font, never inside tags', () => {
    const html = withEmojiFallback('<div title="✅ 🙏">เติมเงินสำเร็จ ✅ ขอบคุณค่ะ 🙏 ⚠️ 「ช่วยเหลือ」</div>');
    expect(html).toContain('title="✅ 🙏"');
    expect(html.match(/<svg class="emoji/g)).toHaveLength(5);
    expect(html).not.toContain('\uFE0F');
  });
});
