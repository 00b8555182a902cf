import { describe, expect, it } from 'vitest';
import {
  assertValidLinePayload,
  checkLineLimits,
  createLineValidator,
  graphemeLength,
  validatePushRequest,
  validateReplyRequest,
} from '../support/line-schema.ts';

const postback = (data = 'action=confirm&order=42', label = 'ยืนยัน') => ({ type: 'postback', label, data });

const bubble = (footerButtons = [postback()]) => ({
  type: 'bubble',
  body: {
    type: 'box',
    layout: 'vertical',
    contents: [
      { type: 'text', text: 'เติมเงิน AIS 50 บาท', weight: 'bold', size: 'lg' },
      { type: 'separator', margin: 'md' },
      { type: 'text', text: '081-234-5678', wrap: true },
    ],
  },
  footer: {
    type: 'box',
    layout: 'horizontal',
    spacing: 'sm',
    contents: footerButtons.map((action) => ({ type: 'button', style: 'primary', action })),
  },
});

const flex = (contents: unknown) => ({ type: 'flex', altText: 'ยืนยันการเติมเงิน', contents });
const reply = (...messages: unknown[]) => ({ replyToken: 'abc', messages });

describe('LINE payload validator: accepts what LINE accepts', () => {
  it('text message', () => {
    expect(validateReplyRequest(reply({ type: 'text', text: 'สวัสดีค่ะ' }))).toEqual({ ok: true, errors: [] });
  });

  it('text with quick reply (message and postback actions)', () => {
    const msg = {
      type: 'text',
      text: 'เลือกยอดเงิน',
      quickReply: {
        items: [
          { type: 'action', action: { type: 'message', label: '50 บาท', text: '50' } },
          { type: 'action', action: postback('action=amount&v=100', '100 บาท') },
        ],
      },
    };
    expect(validateReplyRequest(reply(msg)).errors).toEqual([]);
  });

  it('flex bubble with box, text, separator and button', () => {
    expect(validateReplyRequest(reply(flex(bubble()))).errors).toEqual([]);
  });

  it('flex carousel, pushed', () => {
    const body = { to: 'U0123456789abcdef0123456789abcdef', messages: [flex({ type: 'carousel', contents: [bubble(), bubble()] })] };
    expect(validatePushRequest(body).errors).toEqual([]);
    expect(() => assertValidLinePayload('push', body)).not.toThrow();
  });

  it('five messages is the maximum and fine', () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ type: 'text', text: `ข้อความ ${i}` }));
    expect(validateReplyRequest(reply(...five)).ok).toBe(true);
  });
});

describe('LINE payload validator: rejects what a plain spec validator misses', () => {
  const errorsOf = (body: unknown) => validateReplyRequest(body).errors;

  it('flex button whose action has an unknown type', () => {
    const errors = errorsOf(reply(flex(bubble([{ type: 'postbakc', label: 'ยืนยัน', data: 'x' } as never]))));
    expect(errors.join('\n')).toMatch(/footer\.contents\[0\]\.action\.type: must be equal to one of the allowed values/);
  });

  it('text message without text', () => {
    expect(errorsOf(reply({ type: 'text' }))).toContain('messages[0]: missing required property "text"');
  });

  it('unknown message type', () => {
    expect(errorsOf(reply({ type: 'txt', text: 'x' })).join('\n')).toMatch(/messages\[0\]\.type: must be equal to one of/);
  });

  it('bubble with an unknown component type', () => {
    const b = bubble();
    b.body.contents.push({ type: 'paragraph', text: 'x' } as never);
    expect(errorsOf(reply(flex(b))).join('\n')).toMatch(/body\.contents\[3\]\.type: must be equal to one of/);
  });

  it('box missing layout, and a header that is not a box', () => {
    const b = { type: 'bubble', header: { type: 'text', text: 'x' }, body: { type: 'box', contents: [] } };
    const errors = errorsOf(reply(flex(b))).join('\n');
    expect(errors).toMatch(/contents\.body: missing required property "layout"/);
    expect(errors).toMatch(/contents\.header\.type: must be equal to one of the allowed values: "box"/);
  });

  it('unknown properties on messages and flex components', () => {
    const b = bubble();
    (b.body.contents[0] as Record<string, unknown>)['colour'] = '#ff0000';
    const errors = errorsOf(reply({ type: 'text', text: 'x', quickreply: {} }, flex(b)));
    expect(errors).toContain('messages[0]: unknown property "quickreply"');
    expect(errors).toContain('messages[1].contents.body.contents[0]: unknown property "colour"');
  });

  it('unknown-property checking can be turned off', () => {
    const lax = createLineValidator({ unknownProperties: false });
    expect(lax.validateReplyRequest(reply({ type: 'text', text: 'x', extra: 1 })).ok).toBe(true);
    expect(lax.validateReplyRequest(reply({ type: 'text' })).ok).toBe(false);
  });

  it('postback action without data (LINE requires it, the spec does not say so)', () => {
    expect(errorsOf(reply(flex(bubble([{ type: 'postback', label: 'ok' } as never])))).join('\n')).toMatch(
      /action: missing required property "data"/,
    );
  });

  it('quick-reply label of 21 Thai graphemes (more code points than that)', () => {
    const twentyOne = 'กี่'.repeat(7) + 'ก้า'.repeat(7);
    expect(graphemeLength(twentyOne)).toBe(21);
    expect(twentyOne.length).toBeGreaterThan(21);
    const msg = (l: string) => ({
      type: 'text',
      text: 'เลือก',
      quickReply: { items: [{ type: 'action', action: { type: 'message', label: l, text: 'x' } }] },
    });
    expect(errorsOf(reply(msg(twentyOne)))).toContain('messages[0].quickReply.items[0].action.label: 21 graphemes, max 20');
    // 20 graphemes of combining Thai is 40+ code units, and still fine.
    expect(validateReplyRequest(reply(msg('กี่'.repeat(20)))).ok).toBe(true);
  });

  it('button label over 40 graphemes', () => {
    const errors = errorsOf(reply(flex(bubble([postback('x', 'ก'.repeat(41))]))));
    expect(errors).toContain('messages[0].contents.footer.contents[0].action.label: 41 graphemes, max 40');
  });

  it('postback data over 300 characters', () => {
    const errors = errorsOf(reply(flex(bubble([postback('a'.repeat(301))]))));
    expect(errors.join('\n')).toMatch(/footer\.contents\[0\]\.action\.data: .*300/);
  });

  it('six messages', () => {
    const six = Array.from({ length: 6 }, () => ({ type: 'text', text: 'x' }));
    const errors = errorsOf(reply(...six));
    expect(errors).toContain('messages: 6 messages, max 5 per call');
  });

  it('zero messages, missing replyToken / to', () => {
    expect(errorsOf({ messages: [] }).join('\n')).toMatch(/missing required property "replyToken"/);
    expect(errorsOf({ messages: [] }).join('\n')).toMatch(/messages: must NOT have fewer than 1 items/);
    expect(validatePushRequest({ messages: [{ type: 'text', text: 'x' }] }).errors).toContain(
      '(root): missing required property "to"',
    );
  });

  it('assertValidLinePayload throws a readable list', () => {
    expect(() => assertValidLinePayload('reply', reply({ type: 'text' }))).toThrow(
      /invalid LINE reply request:\n {2}- messages\[0\]: missing required property "text"/,
    );
  });
});

describe('LINE limit checks', () => {
  it('text, altText, quick-reply item count', () => {
    const items = Array.from({ length: 14 }, (_, i) => ({ type: 'action', action: { type: 'message', label: `${i}`, text: `${i}` } }));
    const errors = checkLineLimits({
      messages: [
        { type: 'text', text: 'x'.repeat(5001), quickReply: { items } },
        { type: 'flex', altText: 'y'.repeat(1501), contents: bubble() },
      ],
    });
    expect(errors).toEqual([
      'messages[0].text: 5001 characters, max 5000',
      'messages[0].quickReply.items: 14 items, max 13',
      'messages[1].altText: 1501 characters, max 1500',
    ]);
  });

  it('carousel of 13 bubbles and oversized bubbles', () => {
    const big = bubble();
    big.body.contents.push({ type: 'text', text: 'ข'.repeat(11_000) } as never); // 3 bytes each in UTF-8
    const errors = checkLineLimits({ messages: [flex({ type: 'carousel', contents: Array.from({ length: 13 }, () => bubble()) }), flex(big)] });
    expect(errors).toContain('messages[0].contents.contents: 13 bubbles, max 12');
    expect(errors.some((e) => /^messages\[1\]\.contents: bubble is \d+ bytes of JSON, max 30000$/.test(e))).toBe(true);
  });

  it('grapheme counting keeps Thai marks with their consonant', () => {
    expect(graphemeLength('ที่')).toBe(1);
    expect(graphemeLength('น้ำ')).toBe(1); // sara am is a SpacingMark: it stays in the cluster
    expect(graphemeLength('เติมเงิน')).toBe(6); // leading vowels เ stand alone
    expect(graphemeLength('👍🏽')).toBe(1);
  });
});
