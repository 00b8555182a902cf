import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLineStandin } from '../../src/demo/line-standin/index.ts';

// Raw HTTP against the stand-in: the exact wire behaviour, independent of our client.
const standin = createLineStandin();
let origin = '';
const auth = { authorization: 'Bearer any-token', 'content-type': 'application/json' };
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, { method: 'POST', headers: { ...auth, ...headers }, body: JSON.stringify(body) });
const msgs = [{ type: 'text', text: 'hi' }];

beforeAll(async () => {
  origin = await standin.listen();
});
afterAll(() => standin.close());
beforeEach(() => standin.reset());

describe('LINE stand-in wire behaviour', () => {
  it('reply: empty token and reused token are "Invalid reply token"', async () => {
    const empty = await post('/v2/bot/message/reply', { replyToken: '', messages: msgs });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ message: 'Invalid reply token' });
    expect((await post('/v2/bot/message/reply', { replyToken: 'x', messages: msgs })).status).toBe(200);
    const again = await post('/v2/bot/message/reply', { replyToken: 'x', messages: msgs });
    expect(await again.json()).toEqual({ message: 'Invalid reply token' });
  });

  it('reply without auth is 401; any bearer works when no token is configured', async () => {
    const res = await fetch(`${origin}/v2/bot/message/reply`, { method: 'POST', body: JSON.stringify({ replyToken: 'a', messages: msgs }) });
    expect(res.status).toBe(401);
    expect(standin.replies()).toHaveLength(0);
    const anyBearer = await fetch(`${origin}/v2/bot/message/reply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${randomUUID()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ replyToken: 'a', messages: msgs }),
    });
    expect(anyBearer.status).toBe(200);
    expect(standin.replies()).toHaveLength(1);
  });

  it('a push repeated with an accepted retry key: 409 with x-line-accepted-request-id and LINE\'s message, not delivered again', async () => {
    const key = randomUUID();
    const first = await post('/v2/bot/message/push', { to: 'U1', messages: msgs }, { 'x-line-retry-key': key });
    expect(first.status).toBe(200);
    const second = await post('/v2/bot/message/push', { to: 'U1', messages: msgs }, { 'x-line-retry-key': key });
    expect(second.status).toBe(409);
    expect(second.headers.get('x-line-accepted-request-id')).toBe(first.headers.get('x-line-request-id'));
    expect(await second.json()).toMatchObject({ message: 'The retry key is already accepted' });
    expect(standin.pushes()).toHaveLength(1);
  });

  it('deliverThenFailNext(500): the push is delivered, then answered 500; the same retry key gets 409 and no second copy', async () => {
    const key = randomUUID();
    const seen: string[] = [];
    const off = standin.on('message', (m) => seen.push(`${m.kind}:${m.kind === 'push' ? m.to : ''}`));
    standin.deliverThenFailNext(500);
    const lost = await post('/v2/bot/message/push', { to: 'U1', messages: msgs }, { 'x-line-retry-key': key });
    expect(lost.status).toBe(500);
    expect(standin.pushes()).toHaveLength(1);
    const retry = await post('/v2/bot/message/push', { to: 'U1', messages: msgs }, { 'x-line-retry-key': key });
    expect(retry.status).toBe(409);
    expect(standin.pushes()).toHaveLength(1);
    off();
    expect(seen).toEqual(['push:U1']);
  });

  it("deliverThenFailNext('drop'): the push is delivered and the connection cut; a new retry key delivers a second copy", async () => {
    standin.deliverThenFailNext('drop');
    await expect(post('/v2/bot/message/push', { to: 'U1', messages: msgs }, { 'x-line-retry-key': randomUUID() })).rejects.toThrow();
    expect(standin.pushes()).toHaveLength(1);
    expect(standin.calls.at(-1)?.status).toBe(0);
    const fresh = await post('/v2/bot/message/push', { to: 'U1', messages: msgs }, { 'x-line-retry-key': randomUUID() });
    expect(fresh.status).toBe(200);
    expect(standin.pushes()).toHaveLength(2);
  });

  it('deliverThenFailNext leaves replies alone: the next push takes it', async () => {
    standin.deliverThenFailNext(500);
    expect((await post('/v2/bot/message/reply', { replyToken: 'r1', messages: msgs })).status).toBe(200);
    expect((await post('/v2/bot/message/push', { to: 'U1', messages: msgs })).status).toBe(500);
    expect(standin.pushes()).toHaveLength(1);
  });

  it('a fault for one chat passes over the calls for other chats, pushes and replies alike', async () => {
    const token = standin.issueReplyToken('U2');
    standin.failNext(500, 1, { chat: 'U2' });
    standin.failNext(503, 1, { chat: 'U2' });
    expect((await post('/v2/bot/message/push', { to: 'U1', messages: msgs })).status).toBe(200);
    expect((await post('/v2/bot/message/reply', { replyToken: 'other', messages: msgs })).status).toBe(200);
    expect((await post('/v2/bot/message/reply', { replyToken: token, messages: msgs })).status).toBe(500);
    expect((await post('/v2/bot/message/push', { to: 'U2', messages: msgs })).status).toBe(503);
    expect((await post('/v2/bot/message/push', { to: 'U2', messages: msgs })).status).toBe(200);
  });

  it('push without a retry key is delivered every time', async () => {
    await post('/v2/bot/message/push', { to: 'U1', messages: msgs });
    await post('/v2/bot/message/push', { to: 'U1', messages: msgs });
    expect(standin.pushes()).toHaveLength(2);
  });

  it('LINE-style validation errors: messages missing, > 5, text missing; bad JSON', async () => {
    const none = await post('/v2/bot/message/push', { to: 'U1' });
    expect(await none.json()).toEqual({
      message: 'The request body has 1 error(s)',
      details: [{ message: 'must be specified', property: 'messages' }],
    });
    const six = await post('/v2/bot/message/reply', { replyToken: 'a', messages: Array(6).fill(msgs[0]) });
    expect(six.status).toBe(400);
    const noText = await post('/v2/bot/message/reply', { replyToken: 'a', messages: [{ type: 'text' }] });
    expect((await noText.json()).details).toEqual([{ message: 'must be specified', property: 'messages[0].text' }]);
    const bad = await fetch(`${origin}/v2/bot/message/reply`, { method: 'POST', headers: auth, body: '{nope' });
    expect(bad.status).toBe(400);
    expect(standin.calls.at(-1)?.body).toBe('{nope');
  });

  it('failNext applies to message calls only, and answers a LINE JSON error', async () => {
    standin.failNext(503);
    expect((await fetch(`${origin}/v2/bot/profile/U1`, { headers: auth })).status).toBe(200);
    const res = await post('/v2/bot/message/reply', { replyToken: 'a', messages: msgs });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ message: 'Internal server error' });
    expect(standin.replies()).toHaveLength(0);
  });

  it('reset() forgets used tokens, retry keys and scripted failures', async () => {
    await post('/v2/bot/message/reply', { replyToken: 'x', messages: msgs });
    standin.failNext(500, 3);
    standin.reset();
    expect(standin.calls).toHaveLength(0);
    expect((await post('/v2/bot/message/reply', { replyToken: 'x', messages: msgs })).status).toBe(200);
  });

  it('the handler can be mounted on a server of your own', async () => {
    const own = createLineStandin({ channelAccessToken: 'only-this' });
    const server = createServer(own.handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const wrong = await fetch(`${base}/v2/bot/info`, { headers: { authorization: 'Bearer other' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${base}/v2/bot/info`, { headers: { authorization: 'Bearer only-this' } });
      expect(right.status).toBe(200);
      expect(own.calls).toHaveLength(2);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
