import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLineClient, parseRetryAfter, type LineClient } from '../../src/line/client.ts';
import { LineApiError, LineNetworkError } from '../../src/line/errors.ts';
import { createLineStandin, type DeliveredEvent } from '../../src/demo/line-standin/index.ts';
import { assertValidLinePayload } from '../support/line-schema.ts';

const TOKEN = 'super-secret-channel-token-0123456789';
const USER = 'U0123456789abcdef0123456789abcdef';
const text = (t: string) => ({ type: 'text' as const, text: t });

const standin = createLineStandin({ channelAccessToken: TOKEN });
let origin = '';
let line: LineClient;

/** Runs `fn`, expecting it to reject; returns the error (fails the test if it resolves). */
async function failure(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  origin = await standin.listen();
  line = createLineClient({ channelAccessToken: TOKEN, apiBaseUrl: origin, dataApiBaseUrl: origin });
});
afterAll(() => standin.close());
beforeEach(() => standin.reset());

describe('reply', () => {
  it('delivers, with the bearer token, and the body LINE would accept', async () => {
    const sent = await line.reply('token-1', [text('สวัสดีค่ะ')]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.id).toMatch(/^\d{18}$/);
    expect(standin.replies()).toMatchObject([{ replyToken: 'token-1', messages: [text('สวัสดีค่ะ')] }]);
    const call = standin.calls[0];
    expect(call?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(call?.status).toBe(200);
    assertValidLinePayload('reply', call?.body);
  });

  it('a used reply token → LineApiError 400, not retryable', async () => {
    await line.reply('token-2', [text('one')]);
    const err = await failure(() => line.reply('token-2', [text('two')]));
    expect(err).toBeInstanceOf(LineApiError);
    const e = err as LineApiError;
    expect(e.status).toBe(400);
    expect(e.invalidReplyToken).toBe(true);
    expect(e.isRetryable).toBe(false);
    expect(e.bodySnippet).toContain('Invalid reply token');
    expect(e.requestId).toMatch(/^[0-9a-f]+$/);
    expect(standin.replies()).toHaveLength(1);
  });

  it('reports replies to listeners with the chat of an issued token', async () => {
    const seen: DeliveredEvent[] = [];
    const off = standin.on('message', (e) => seen.push(e));
    const token = standin.issueReplyToken(USER);
    await line.reply(token, [text('a'), text('b')]);
    off();
    await line.reply('other', [text('c')]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ kind: 'reply', to: USER, messages: [text('a'), text('b')] });
  });

  it('the stand-in answers 400 on obviously invalid bodies, like LINE', async () => {
    const six = Array.from({ length: 6 }, (_, i) => text(String(i)));
    const err = (await failure(() => line.reply('token-3', six))) as LineApiError;
    expect(err.status).toBe(400);
    expect(err.bodySnippet).toContain('Size must be between 1 and 5');
    const empty = (await failure(() => line.reply('token-3', []))) as LineApiError;
    expect(empty.status).toBe(400);
    // The token was not consumed by the rejected calls.
    await expect(line.reply('token-3', [text('ok')])).resolves.toHaveLength(1);
  });
});

describe('push', () => {
  it('the same retry key twice: delivered once, then alreadyDelivered (409)', async () => {
    const key = randomUUID();
    await line.push(USER, [text('เติมเงินสำเร็จ')], key);
    const err = (await failure(() => line.push(USER, [text('เติมเงินสำเร็จ')], key))) as LineApiError;
    expect(err).toBeInstanceOf(LineApiError);
    expect(err.status).toBe(409);
    expect(err.alreadyDelivered).toBe(true);
    expect(err.isRetryable).toBe(false);
    expect(err.acceptedRequestId).toBe(standin.pushes()[0]?.requestId);
    expect(standin.pushes()).toHaveLength(1);
    expect(standin.calls[0]?.headers['x-line-retry-key']).toBe(key);
    assertValidLinePayload('push', standin.calls[0]?.body);
  });

  it('a push that failed is not "delivered": the retry with the same key goes through', async () => {
    const key = randomUUID();
    standin.failNext(500);
    const err = (await failure(() => line.push(USER, [text('x')], key))) as LineApiError;
    expect(err.status).toBe(500);
    expect(err.isRetryable).toBe(true);
    expect(err.alreadyDelivered).toBe(false);
    await expect(line.push(USER, [text('x')], key)).resolves.toHaveLength(1);
    expect(standin.pushes()).toHaveLength(1);
  });

  it('failNext(429, { retryAfter: 2 }) → retryAfterMs 2000', async () => {
    standin.failNext(429, 1, { retryAfter: 2 });
    const err = (await failure(() => line.push(USER, [text('x')], randomUUID()))) as LineApiError;
    expect(err.status).toBe(429);
    expect(err.retryAfterMs).toBe(2000);
    expect(err.isRetryable).toBe(true);
    expect(err.quotaExceeded).toBe(false);
  });

  it('failNext(500, 2) fails two message calls, then LINE recovers', async () => {
    standin.failNext(500, 2);
    await expect(line.reply('r1', [text('x')])).rejects.toMatchObject({ status: 500, isRetryable: true });
    await expect(line.push(USER, [text('x')], randomUUID())).rejects.toMatchObject({ status: 500 });
    await expect(line.reply('r1', [text('x')])).resolves.toHaveLength(1);
  });

  it('a malformed retry key is a 400', async () => {
    await expect(line.push(USER, [text('x')], 'not-a-uuid')).rejects.toMatchObject({ status: 400, alreadyDelivered: false });
  });
});

describe('network failures', () => {
  it('a closed port → LineNetworkError (ECONNREFUSED), retryable', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    const dead = createLineClient({ channelAccessToken: TOKEN, apiBaseUrl: `http://127.0.0.1:${port}` });
    const err = await failure(() => dead.reply('t', [text('x')]));
    expect(err).toBeInstanceOf(LineNetworkError);
    expect((err as LineNetworkError).code).toBe('ECONNREFUSED');
    expect((err as LineNetworkError).isRetryable).toBe(true);
    expect((err as Error).cause).toBeInstanceOf(TypeError);
  });

  it('a dropped connection → LineNetworkError', async () => {
    standin.dropNext();
    const err = await failure(() => line.push(USER, [text('x')], randomUUID()));
    expect(err).toBeInstanceOf(LineNetworkError);
    expect(standin.pushes()).toHaveLength(0);
  });

  it('no answer within timeoutMs → LineNetworkError ETIMEDOUT', async () => {
    const silent: Server = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as AddressInfo;
    try {
      const slow = createLineClient({ channelAccessToken: TOKEN, apiBaseUrl: `http://127.0.0.1:${port}`, timeoutMs: 100 });
      const err = await failure(() => slow.reply('t', [text('x')]));
      expect(err).toBeInstanceOf(LineNetworkError);
      expect((err as LineNetworkError).code).toBe('ETIMEDOUT');
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});

describe('the channel access token never leaks into errors', () => {
  it('not in String(err), message, snippet or inspected form', async () => {
    const { inspect } = await import('node:util');
    standin.failNext(500);
    const errs = [
      await failure(() => line.reply('t', [text('x')])),
      await failure(() => createLineClient({ channelAccessToken: 'wrong', apiBaseUrl: origin }).getProfile(USER)),
      await failure(() => createLineClient({ channelAccessToken: TOKEN, apiBaseUrl: 'http://127.0.0.1:1' }).getProfile(USER)),
    ];
    expect((errs[1] as LineApiError).status).toBe(401);
    for (const err of errs) {
      expect(String(err)).not.toContain(TOKEN);
      expect(JSON.stringify(err)).not.toContain(TOKEN);
      expect(inspect(err, { depth: 10 })).not.toContain(TOKEN);
    }
  });
});

describe('other calls', () => {
  it('getProfile: default Thai profile, configurable language, 404 for a blocked user', async () => {
    await expect(line.getProfile(USER)).resolves.toEqual({ userId: USER, displayName: 'ลูกค้า', language: 'th' });
    standin.setProfile('Uen', { displayName: 'John', language: 'en' });
    await expect(line.getProfile('Uen')).resolves.toMatchObject({ displayName: 'John', language: 'en' });
    standin.setProfile('Uhidden', { displayName: 'Quiet' });
    expect(await line.getProfile('Uhidden')).not.toHaveProperty('language');
    standin.setProfile('Ublocked', null);
    await expect(line.getProfile('Ublocked')).rejects.toMatchObject({ status: 404 });
  });

  it('showLoading: 1:1 chat, seconds validated on both sides', async () => {
    const loading: unknown[] = [];
    standin.on('loading', (e) => loading.push(e));
    await line.showLoading(USER, 20);
    expect(loading).toMatchObject([{ chatId: USER, seconds: 20 }]);
    expect(standin.calls[0]).toMatchObject({ method: 'POST', path: '/v2/bot/chat/loading/start', status: 202, body: { chatId: USER, loadingSeconds: 20 } });
    await expect(line.showLoading(USER, 7 as never)).rejects.toBeInstanceOf(RangeError);
    await expect(line.showLoading('C0123456789abcdef0123456789abcdef', 5)).rejects.toMatchObject({ status: 400 });
  });

  it('getGroupSummary and getBotInfo', async () => {
    standin.setGroupSummary('Cshop', { groupName: 'เจ้าของร้าน' });
    await expect(line.getGroupSummary('Cshop')).resolves.toEqual({ groupId: 'Cshop', groupName: 'เจ้าของร้าน' });
    await expect(line.getBotInfo()).resolves.toMatchObject({ chatMode: 'bot', basicId: '@standin' });
  });

  it('rich menu: create, upload image on the data API, set default', async () => {
    const id = await line.createRichMenu({
      size: { width: 2500, height: 843 },
      selected: true,
      name: 'main',
      chatBarText: 'เมนู',
      areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'message', text: 'เติมเงิน' } }],
    });
    expect(id).toMatch(/^richmenu-/);
    await line.setRichMenuImage(id, new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }));
    await line.setDefaultRichMenu(id);
    expect(standin.defaultRichMenuId()).toBe(id);
    await expect(line.setDefaultRichMenu('richmenu-unknown')).rejects.toMatchObject({ status: 404 });
  });

  it('getMessageContent reads bytes from the data API', async () => {
    standin.setContent('m1', Buffer.from('slip-image'));
    expect((await line.getMessageContent('m1')).toString()).toBe('slip-image');
    await expect(line.getMessageContent('missing')).rejects.toMatchObject({ status: 404 });
  });

  it('every stand-in answer carries x-line-request-id; unknown routes are 404', async () => {
    const res = await fetch(`${origin}/v2/bot/nope`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-line-request-id')).toMatch(/^[0-9a-f]{36}$/);
    const unauth = await fetch(`${origin}/v2/bot/info`);
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get('x-line-request-id')).toMatch(/^[0-9a-f]{36}$/);
  });
});

describe('config and parsing', () => {
  it('apiBaseUrl must be an origin', () => {
    expect(() => createLineClient({ channelAccessToken: TOKEN, apiBaseUrl: 'http://127.0.0.1:4567/line' })).toThrow(/origin/);
  });

  it('Retry-After as seconds or HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('garbage')).toBeUndefined();
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
  });
});
