/**
 * The conversation as tables of real messages: each row is a chat, one customer message at
 * a time, and what the bot decides to ask or do after the last one.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/chat/decide.ts';
import type { ChatContext, ChatInput, ChatState, Decision } from '../../src/chat/types.ts';
import { NETWORKS, type Network } from '../../src/networks.ts';
import { parse } from '../../src/nlu/index.ts';

const AMOUNTS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 150, 200, 300, 500, 800, 1000];

function context(overrides: Partial<ChatContext> & { closed?: Network[] } = {}): ChatContext {
  return {
    allowedAmounts: () => AMOUNTS,
    commonAmounts: [20, 50, 100, 200, 300, 500],
    isOpen: (n) => !(overrides.closed ?? []).includes(n),
    recentNumbers: [],
    ...overrides,
  };
}

/** Typed messages go in as the bot sends them: text, understood with what we asked last. */
function chat(messages: (string | ChatInput)[], ctx = context(), start?: ChatState): Decision {
  let state: ChatState | undefined = start;
  let decision: Decision | undefined;
  for (const m of messages) {
    const input: ChatInput = typeof m === 'string' ? { kind: 'message', text: m } : m;
    decision = decide(state, input, ctx);
    state = decision.state;
  }
  return decision!;
}

/** The state the bot stores after showing the confirm card for these messages. */
function withCard(messages: string[], draftId = 'draft-1'): ChatState {
  const decision = chat(messages);
  expect(decision.next?.kind).toBe('confirm');
  return { ...decision.state!, draftId };
}

describe('slot filling', () => {
  it.each([
    [['เติม 50 0812345678 ais'], { number: '0812345678', network: 'AIS', amount: 50 }],
    [['เติมเงิน', 'ทรู', '0891234567', '100'], { number: '0891234567', network: 'TRUE', amount: 100 }],
    [['0812345678', 'ดีแทค', 'ห้าสิบบาท'], { number: '0812345678', network: 'DTAC', amount: 50 }],
    [['ais 100', '081-234-5678'], { number: '0812345678', network: 'AIS', amount: 100 }],
    [['เติมเงินค่ะ', 'เพนกวิน 0612345678', 'ร้อยนึง'], { number: '0612345678', network: 'PENGUIN', amount: 100 }],
    [['เติม ๕๐ บาท เบอร์ ๐๘๑๒๓๔๕๖๗๘', 'เอไอเอส'], { number: '0812345678', network: 'AIS', amount: 50 }],
  ])('%j → confirm card', (messages, slots) => {
    const decision = chat(messages);
    expect(decision.next).toEqual({ kind: 'confirm', slots });
  });

  it.each([
    [['เติมเงิน'], 'askNetwork'],
    [['เติม 0812345678'], 'askNetwork'],
    [['ทรู'], 'askNumber'],
    [['เติม 50 ทรู'], 'askNumber'],
    [['ทรู 0812345678'], 'askAmount'],
    [['เติม 0812345678', 'ais'], 'askAmount'],
  ])('%j → asks %s', (messages, kind) => {
    expect(chat(messages).next?.kind).toBe(kind);
  });

  it('offers the network\'s common amounts and only open networks', () => {
    const ctx = context({ closed: ['TOT'] });
    const ask = chat(['เติมเงิน'], ctx).next;
    expect(ask).toEqual({ kind: 'askNetwork', networks: NETWORKS.filter((n) => n !== 'TOT') });
    const amounts = chat(['ทรู 0812345678'], ctx).next;
    expect(amounts).toEqual({ kind: 'askAmount', network: 'TRUE', amounts: [20, 50, 100, 200, 300, 500] });
  });

  it('offers recently used numbers', () => {
    const ask = chat(['ทรู'], context({ recentNumbers: ['0812345678', '0899999999'] })).next;
    expect(ask).toEqual({ kind: 'askNumber', recent: ['0812345678', '0899999999'] });
  });
});

describe('corrections', () => {
  it.each([
    [['เติม 50 0812345678 dtac', 'ไม่ใช่ ทรู'], { number: '0812345678', network: 'TRUE', amount: 50 }],
    [['เติม 50 0812345678 ais', '0899999999'], { number: '0899999999', network: 'AIS', amount: 50 }],
    [['เติม 50 0812345678 ais', 'เปลี่ยนเป็น 100 บาท'], { number: '0812345678', network: 'AIS', amount: 100 }],
  ])('%j → new card with %j', (messages, slots) => {
    const decision = chat(messages);
    expect(decision.next).toEqual({ kind: 'confirm', slots });
    expect(decision.dropDraft).toBe(true);
  });

  it('edit, then change the number', () => {
    const decision = chat(['เติม 50 0812345678 ais', { kind: 'edit' }, { kind: 'change', slot: 'number' }]);
    expect(decision.next?.kind).toBe('askNumber');
    expect(decision.state?.slots).toEqual({ network: 'AIS', amount: 50 });
  });

  it('แก้ไข on a finished order (no conversation left) starts from that order, asking what to change', () => {
    const slots = { number: '0812345678', network: 'TRUE', amount: 100 } as const;
    const decision = chat([{ kind: 'edit', slots }]);
    expect(decision.next).toEqual({ kind: 'askWhatToChange', slots });
    expect(chat([{ kind: 'edit', slots }, { kind: 'change', slot: 'amount' }]).next).toMatchObject({ kind: 'askAmount', network: 'TRUE' });
  });

  it('แก้ไข on an older card edits that card, not the conversation', () => {
    const older = { number: '0899999999', network: 'DTAC', amount: 20 } as const;
    expect(chat(['เติม 50 0812345678 ais', { kind: 'edit', slots: older }]).next).toEqual({ kind: 'askWhatToChange', slots: older });
  });
});

describe('validation with a way forward', () => {
  it('a landline is explained and the number asked again', () => {
    const decision = chat(['เติม 50 ทรู 021234567']);
    expect(decision.notes).toEqual([{ kind: 'invalidNumber' }]);
    expect(decision.next?.kind).toBe('askNumber');
  });

  it.each([
    // Inside the min–max range but not sold: the amounts on either side, and buttons around it.
    ['เติม 37 0812345678 ais', 37, [30, 40], [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 150, 200]],
    ['เติม 7 บาท 0812345678 ais', 7, [10], [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 150, 200]],
    ['เติม 450 0812345678 ais', 450, [300, 500], [40, 50, 60, 70, 80, 90, 100, 150, 200, 300, 500, 800]],
    ['เติม 5000 บาท 0812345678 ais', 5000, [1000], [50, 60, 70, 80, 90, 100, 150, 200, 300, 500, 800, 1000]],
  ])('%s: names the nearest amounts sold and offers those around it', (message, amount, nearest, offered) => {
    const decision = chat([message]);
    expect(decision.notes).toEqual([{ kind: 'amountNotAllowed', amount, network: 'AIS', nearest }]);
    expect(decision.next).toEqual({ kind: 'askAmount', network: 'AIS', amounts: offered });
  });

  it('a network that sells few amounts offers exactly those', () => {
    const decision = chat(['เติม 37 0812345678 เพนกวิน'], context({ allowedAmounts: (n) => (n === 'PENGUIN' ? [50, 100, 300] : AMOUNTS) }));
    expect(decision.notes).toEqual([{ kind: 'amountNotAllowed', amount: 37, network: 'PENGUIN', nearest: [50] }]);
    expect(decision.next).toEqual({ kind: 'askAmount', network: 'PENGUIN', amounts: [50, 100, 300] });
  });

  it('a closed network is refused kindly and another asked for', () => {
    const decision = chat(['เติม 50 0812345678 tot'], context({ closed: ['TOT'] }));
    expect(decision.notes).toEqual([{ kind: 'networkClosed', network: 'TOT' }]);
    expect(decision.next?.kind).toBe('askNetwork');
  });

  it('two numbers in one message: asks for one', () => {
    const decision = chat(['เติม 50 ais 0812345678 0899999999']);
    expect(decision.notes).toEqual([{ kind: 'ambiguousNumber' }]);
  });

  it('re-validates the amount when the network changes', () => {
    const ctx = context({ allowedAmounts: (n) => (n === 'PENGUIN' ? [50, 100] : AMOUNTS) });
    const decision = chat(['เติม 20 0812345678 ais', 'ไม่ใช่ เพนกวิน'], ctx);
    expect(decision.notes[0]).toMatchObject({ kind: 'amountNotAllowed', amount: 20, network: 'PENGUIN' });
  });
});

describe('colloquial amounts (ร้อยห้า)', () => {
  it('settles on the one reading the network sells', () => {
    expect(chat(['ทรู 0812345678 ร้อยห้า']).next).toEqual({
      kind: 'confirm',
      slots: { number: '0812345678', network: 'TRUE', amount: 150 },
    });
  });

  it('asks when both readings are sold', () => {
    const ctx = context({ allowedAmounts: () => [100, 105, 150] });
    expect(chat(['ทรู 0812345678 ร้อยห้า'], ctx).next).toEqual({ kind: 'chooseAmount', candidates: [105, 150] });
  });

  it('waits for the network before settling', () => {
    const decision = chat(['เติม ร้อยห้า 0812345678', 'ais']);
    expect(decision.next).toEqual({ kind: 'confirm', slots: { number: '0812345678', network: 'AIS', amount: 150 } });
  });
});

describe('other intents', () => {
  it.each([
    ['เช็คสถานะ', 'status'],
    ['เติมเข้ายังคะ', 'status'],
    ['เช็คยอด', 'balance'],
    ['วิธีใช้', 'help'],
    ['ยกเลิก', 'cancelLatestOrder'],
  ])('%s → %s', (text, kind) => expect(chat([text]).next?.kind).toBe(kind));

  it('cancel in the middle forgets everything', () => {
    const decision = chat(['เติม 50 ทรู', 'ไม่เอาแล้ว']);
    expect(decision.state).toBeUndefined();
    expect(decision.notes).toEqual([{ kind: 'cancelled' }]);
  });

  it('a greeting gets a greeting; gibberish mid-order repeats the question', () => {
    expect(chat(['สวัสดีค่ะ']).next).toEqual({ kind: 'help', greeting: true });
    const decision = chat(['เติม 50 ทรู', 'อิอิ']);
    expect(decision.notes).toEqual([{ kind: 'notUnderstood' }]);
    expect(decision.next?.kind).toBe('askNumber');
  });
});

describe('deposits (wallet mode)', () => {
  const wallet = context({ deposits: true });

  it('เติมเครดิต 500 asks for a deposit, keeping the order in progress and its card', () => {
    expect(chat(['เติมเครดิต 500'], wallet).next).toEqual({ kind: 'deposit', amount: 500 });
    expect(chat(['เติมเครดิต'], wallet).next).toEqual({ kind: 'deposit', amount: null });
    const decision = chat(['เติม 50 0812345678 ais', 'เติมเครดิต 100'], wallet);
    expect(decision.next).toEqual({ kind: 'deposit', amount: 100 });
    expect(decision.state?.slots).toEqual({ number: '0812345678', network: 'AIS', amount: 50 });
    expect(decision.dropDraft).toBeFalsy();
  });

  it('with a number or a network it is a phone top-up; outside wallet mode it is too', () => {
    expect(chat(['เติมเครดิต 50 0812345678 ais'], wallet).next?.kind).toBe('confirm');
    expect(chat(['เติมเครดิต 50 ทรู'], wallet).next?.kind).toBe('askNumber');
    expect(chat(['เติมเครดิต 500']).next?.kind).toBe('askNetwork');
  });
});

describe('thanks, yes and no', () => {
  it.each(['ขอบคุณครับ', 'thank you', 'ขอบใจมากนะจ๊ะ', 'ขอบคุณค่าาา', 'thx'])('%s gets a one-line thank-you', (text) => {
    const decision = chat([text]);
    expect(decision.next).toEqual({ kind: 'thanks' });
    expect(decision.notes).toEqual([]);
  });

  it('thanks mid-order keep the order and its question', () => {
    const decision = chat(['เติม 50 ทรู', 'ขอบคุณค่ะ']);
    expect(decision.next).toEqual({ kind: 'thanks' });
    expect(decision.state).toMatchObject({ slots: { network: 'TRUE' }, asking: 'number' });
  });

  it.each(['ยืนยัน', 'ok', 'ได้เลย', 'โอเคค่ะ', 'จัดไป', 'yes', 'ยืนยันค่ะ ขอบคุณค่ะ'])(
    '%s under a live card confirms that card, through the button\'s path',
    (text) => {
      const card = withCard(['เติม 50 0812345678 ทรู']);
      const decision = chat([text], context(), card);
      expect(decision.next).toEqual({ kind: 'confirmDraft', draftId: 'draft-1' });
      expect(decision.state).toEqual(card);
      expect(decision.dropDraft).toBeFalsy();
    },
  );

  it.each(['ใช่ไหม', 'ยืนยันยังไงคะ', 'โอเคไหม'])('%s under a card is a question, not a yes', (text) => {
    const decision = chat([text], context(), withCard(['เติม 50 0812345678 ทรู']));
    expect(decision.next?.kind).not.toBe('confirmDraft');
  });

  it('a yes with a new value is a correction, not a confirmation', () => {
    const decision = chat(['ok 100'], context(), withCard(['เติม 50 0812345678 ทรู']));
    expect(decision.next).toEqual({ kind: 'confirm', slots: { number: '0812345678', network: 'TRUE', amount: 100 } });
    expect(decision.dropDraft).toBe(true);
  });

  it('a typed no under a card asks what to change, as the edit button does', () => {
    const decision = chat(['ไม่ใช่ค่ะ'], context(), withCard(['เติม 50 0812345678 ทรู']));
    expect(decision.next).toEqual({ kind: 'askWhatToChange', slots: { number: '0812345678', network: 'TRUE', amount: 50 } });
    expect(decision.dropDraft).toBe(true);
  });

  it('a yes with no card says what it would need', () => {
    expect(chat(['ยืนยัน']).next).toEqual({ kind: 'nothingToConfirm' });
    const midway = chat(['เติม 50 ทรู', 'ok']);
    expect(midway.notes).toEqual([{ kind: 'nothingToConfirm' }]);
    expect(midway.next?.kind).toBe('askNumber');
  });
});

describe('what the bot asked gives a bare reply its meaning', () => {
  it('a bare 37 after "how much?" is 37 baht', () => {
    const ctx = context({ allowedAmounts: () => [...AMOUNTS, 37].sort((a, b) => a - b) });
    expect(chat(['ทรู 0812345678', '37'], ctx).next).toEqual({
      kind: 'confirm',
      slots: { number: '0812345678', network: 'TRUE', amount: 37 },
    });
    expect(chat(['37'], ctx).next).toEqual({ kind: 'help', greeting: false });
  });

  it('a short brand word after "which network?" is the network', () => {
    expect(chat(['เติม 100 0812345678', 'เอไอ']).next).toEqual({
      kind: 'confirm',
      slots: { number: '0812345678', network: 'AIS', amount: 100 },
    });
  });

  it('the hint is what the state asked last', async () => {
    const { hintFor } = await import('../../src/chat/understand.ts');
    expect(hintFor(undefined)).toEqual({});
    expect(hintFor({ slots: {}, asking: 'amount' })).toEqual({ expecting: 'amount' });
  });
});

describe('messages that are not orders start none', () => {
  it.each(['เน็ตทรูช้ามาก', 'เติมน้ำมัน 500 บาท', 'ปี 2567 ร้านเปิดไหม', 'โทรกลับ 02-123-4567 ด้วยค่ะ'])('%s → help', (text) => {
    expect(chat([text]).next).toEqual({ kind: 'help', greeting: false });
  });

  it('a question about a past top-up is a status question, even with its slots', () => {
    const decision = chat(['เติมไปแล้วไม่เข้า 0812345678 ทรู 50']);
    expect(decision.next).toEqual({ kind: 'status' });
  });

  it('mid-order, chatter repeats the question and keeps what we have', () => {
    const decision = chat(['เติม 50 ทรู', 'เน็ตช้าจัง']);
    expect(decision.notes).toEqual([{ kind: 'notUnderstood' }]);
    expect(decision.state?.slots).toEqual({ network: 'TRUE', amount: 50 });
  });

  it('the parsed form of a message is still accepted', () => {
    expect(decide(undefined, { kind: 'text', understanding: parse('เช็คยอด') }, context()).next).toEqual({ kind: 'balance' });
  });
});
