/** The client against the simulator over real HTTP: every call, every fault, every error class. */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderAmbiguous, ProviderError, ProviderRejected, ProviderUnreachable } from '../../src/provider/errors.ts';
import { orderState } from '../../src/provider/client.ts';
import { postForm, TransportFailure } from '../../src/provider/transport.ts';
import { caught, exposedText, makeClient, PASSWORD, startRawServer, startSim, USERNAME, type SimHarness } from './helpers.ts';

const REFILL = { network: 'DTAC', number: '0824491794', cash: 50 } as const;
const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/provider/${name}`, import.meta.url));

let h: SimHarness;
beforeEach(async () => {
  h = await startSim();
});
afterEach(async () => {
  await h.close();
});

function expectSecretFree(err: unknown): void {
  const text = exposedText(err);
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(encodeURIComponent(PASSWORD));
  expect(text).not.toContain(USERNAME);
  expect((err as ProviderError).snippet.length).toBeLessThanOrEqual(200);
}

describe('calls', () => {
  it('refill returns the ORDERID (zeros kept) and the discount in satang', async () => {
    const result = await h.client.refill({ ...REFILL, users: 'ตู้ 1' });
    expect(result).toEqual({ orderId: '00000001', discountSatang: 150 });
    expect(h.sim.refillCount()).toBe(1);
    const sent = h.sim.requests[0];
    expect(sent?.fields).toEqual({ mobile: 'refill', network: '2', number: '0824491794', cash: '50', users: 'ตู้ 1', username: USERNAME });
    expect(JSON.stringify(h.sim.requests)).not.toContain(PASSWORD);
  });

  it('uses the configured network code table', async () => {
    const client = makeClient(h.url, { networkCodes: { AIS: 1, DTAC: 7, TRUE: 3, TOT: 4, MY: 5, FEELS: 6, PENGUIN: 2 } });
    await client.refill(REFILL);
    expect(h.sim.requests[0]?.fields.network).toBe('7');
    expect(h.sim.state.orders.get('00000001')?.network).toBe('PENGUIN');
  });

  it('update follows an order from pending to success', async () => {
    const { orderId } = await h.client.refill(REFILL);
    const pending = await h.client.update(orderId);
    expect(pending).toEqual({ balanceSatang: 1_000_000 - 4850, chargedSatang: 4850, refill: false, cancel: false, state: 'pending' });
    h.sim.settle(orderId, 'success');
    expect(await h.client.update(orderId)).toMatchObject({ refill: true, cancel: false, state: 'success', chargedSatang: 4850 });
  });

  it('update reports a provider-side failure (refunded) as failed', async () => {
    h.sim.queueOutcome('fail');
    const { orderId } = await h.client.refill(REFILL);
    await waitFor(() => h.sim.state.orders.get(orderId)?.status === 'failed');
    expect(await h.client.update(orderId)).toEqual({ balanceSatang: 1_000_000, chargedSatang: 0, refill: false, cancel: true, state: 'failed' });
  });

  it('update reports a reversed success (refill=1, cancel=1) as failed', async () => {
    const { orderId } = await h.client.refill(REFILL);
    h.sim.settle(orderId, 'success');
    h.sim.settle(orderId, 'failed');
    expect(await h.client.update(orderId)).toMatchObject({ refill: true, cancel: true, state: 'failed' });
    expect(orderState(true, true)).toBe('failed');
    expect(orderState(true, false)).toBe('success');
    expect(orderState(false, true)).toBe('failed');
    expect(orderState(false, false)).toBe('pending');
  });

  it('update of an unknown order is a rejection with the Thai detail', async () => {
    const err = await caught(h.client.update('99999999'));
    expect(err).toBeInstanceOf(ProviderRejected);
    expect((err as ProviderRejected).detail).toBe('ไม่พบรายการ');
  });

  it('cancel (return) refunds a pending order; a settled one cannot be cancelled', async () => {
    const sim = h.sim;
    const { orderId } = await makeClient(h.url).refill(REFILL);
    expect(sim.state.balanceSatang).toBe(1_000_000 - 4850);
    await h.client.cancel(orderId);
    expect(sim.requests.at(-1)?.fields).toMatchObject({ mobile: 'return', orderid: orderId });
    expect(sim.state.balanceSatang).toBe(1_000_000);
    expect(await h.client.update(orderId)).toMatchObject({ cancel: true, state: 'failed' });
    const again = await caught(h.client.cancel(orderId));
    expect(again).toBeInstanceOf(ProviderRejected);
    expect((again as ProviderRejected).detail).toBe('ไม่สามารถยกเลิกรายการนี้ได้');
  });

  it('balance', async () => {
    h.sim.setBalance(123_456);
    expect(await h.client.balance()).toEqual({ balanceSatang: 123_456 });
    expect(h.sim.requests[0]?.kind).toBe('balance');
  });

  it('networkStatus', async () => {
    h.sim.setOnline('TRUE', false);
    h.sim.setOnline('PENGUIN', false);
    expect(await h.client.networkStatus()).toEqual({ AIS: true, DTAC: true, TRUE: false, TOT: true, MY: true, FEELS: true, PENGUIN: false });
  });

  it('refuses bad arguments before sending anything', async () => {
    await expect(h.client.refill({ ...REFILL, number: '+66824491794' })).rejects.toThrow(RangeError);
    await expect(h.client.refill({ ...REFILL, cash: 10.5 })).rejects.toThrow(RangeError);
    await expect(h.client.refill({ ...REFILL, network: 'NOKIA' as never })).rejects.toThrow(RangeError);
    await expect(h.client.update(' ')).rejects.toThrow(RangeError);
    expect(h.sim.requests).toHaveLength(0);
  });
});

describe('rejections (STATUS=0): nothing happened', () => {
  it.each([
    ['a number the provider refuses', { ...REFILL, number: '0212345678' }, 'หมายเลขโทรศัพท์ไม่ถูกต้อง'],
    ['an amount the provider does not sell', { ...REFILL, cash: 15 }, 'จำนวนเงินไม่ถูกต้อง'],
  ])('%s', async (_, request, detail) => {
    const err = await caught(h.client.refill(request));
    expect(err).toBeInstanceOf(ProviderRejected);
    expect((err as ProviderRejected).detail).toBe(detail);
    expect(h.sim.refillCount()).toBe(0);
  });

  it('an offline network', async () => {
    h.sim.setOnline('DTAC', false);
    const err = await caught(h.client.refill(REFILL));
    expect((err as ProviderRejected).detail).toBe('เครือข่ายปิดปรับปรุง');
  });

  it('insufficient balance (real)', async () => {
    h.sim.setBalance(1000);
    const err = await caught(h.client.refill(REFILL));
    expect(err).toBeInstanceOf(ProviderRejected);
    expect((err as ProviderRejected).detail).toBe('ยอดเงินคงเหลือไม่เพียงพอ');
    expect(h.sim.state.balanceSatang).toBe(1000);
  });

  it('wrong credentials, and the error names neither of them', async () => {
    const client = makeClient(h.url, { password: 'wrong-' + PASSWORD });
    const err = await caught(client.balance());
    expect(err).toBeInstanceOf(ProviderRejected);
    expect((err as ProviderRejected).detail).toBe('ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง');
    expect(exposedText(err)).not.toContain('wrong-');
    expectSecretFree(err);
  });

  it.each([
    ['reject', 'ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้ง'],
    ['insufficient', 'ยอดเงินคงเหลือไม่เพียงพอ'],
  ] as const)('fault %s', async (mode, detail) => {
    h.sim.setFault(mode, { times: 1 });
    const err = await caught(h.client.refill(REFILL));
    expect(err).toBeInstanceOf(ProviderRejected);
    expect((err as ProviderRejected).detail).toBe(detail);
    expect((err as ProviderRejected).call).toBe('refill');
    expect(h.sim.refillCount()).toBe(0);
    expectSecretFree(err);
    // times: 1 — the next request is normal again
    await expect(h.client.refill(REFILL)).resolves.toMatchObject({ orderId: '00000001' });
  });
});

describe('ambiguous replies: the refill may have happened, and is never resent', () => {
  it.each([
    ['html', 'http-status'],
    ['empty', 'empty'],
    ['truncated', 'unparseable'],
    ['reset', 'reset'],
  ] as const)('fault %s → ProviderAmbiguous (%s)', async (mode, reason) => {
    h.sim.setFault(mode, { times: 1 });
    const err = await caught(h.client.refill(REFILL));
    expect(err).toBeInstanceOf(ProviderAmbiguous);
    expect((err as ProviderAmbiguous).reason).toBe(reason);
    expectSecretFree(err);
    // The simulator processed it (the dangerous case) and the client did not send it again.
    expect(h.sim.refillCount()).toBe(1);
    expect(h.sim.requests.filter((r) => r.kind === 'refill')).toHaveLength(1);
    // update() can still resolve the order.
    expect(await h.client.update('00000001')).toMatchObject({ state: 'pending' });
  });

  it('html fault carries the HTTP status and a short excerpt of the page', async () => {
    h.sim.setFault('html', { times: 1 });
    const err = (await caught(h.client.balance())) as ProviderAmbiguous;
    expect(err.httpStatus).toBe(500);
    expect(err.snippet).toContain('Internal Server Error');
    expect(err.snippet.length).toBeLessThanOrEqual(200);
  });

  it('fault hang → ProviderAmbiguous (timeout after connecting), refill counted once', async () => {
    h.sim.setFault('hang', { times: 1 });
    // The hang never ends by itself: only the client's own timeout can end this call.
    const client = makeClient(h.url, { connectTimeoutMs: 100, timeoutMs: 400 });
    const err = await caught(client.refill(REFILL));
    expect(err).toBeInstanceOf(ProviderAmbiguous);
    expect((err as ProviderAmbiguous).reason).toBe('timeout');
    expect(h.sim.refillCount()).toBe(1);
  });

  it('outcome hang: the order exists though the refill got no answer', async () => {
    h.sim.queueOutcome('hang');
    const client = makeClient(h.url, { timeoutMs: 300 });
    const err = await caught(client.refill(REFILL));
    expect(err).toBeInstanceOf(ProviderAmbiguous);
    expect(h.sim.refillCount()).toBe(1);
    await waitFor(() => h.sim.state.orders.get('00000001')?.status === 'success');
    expect(await client.update('00000001')).toMatchObject({ state: 'success' });
  });

  it('processFirst: false spoils the reply without processing', async () => {
    h.sim.setFault('empty', { times: 1, processFirst: false });
    expect(await caught(h.client.refill(REFILL))).toBeInstanceOf(ProviderAmbiguous);
    expect(h.sim.refillCount()).toBe(0);
  });

  it('a fault limited to refills leaves other calls alone', async () => {
    h.sim.setFault('html', { kinds: ['refill'] });
    await expect(h.client.balance()).resolves.toEqual({ balanceSatang: 1_000_000 });
    expect(await caught(h.client.refill(REFILL))).toBeInstanceOf(ProviderAmbiguous);
    expect(await caught(h.client.refill(REFILL))).toBeInstanceOf(ProviderAmbiguous); // permanent
    h.sim.clearFault();
    await expect(h.client.refill(REFILL)).resolves.toMatchObject({ orderId: '00000003' });
  });

  it.each([
    ['update', () => h.client.update('00000001')],
    ['cancel', () => h.client.cancel('00000001')],
    ['balance', () => h.client.balance()],
    ['networkStatus', () => h.client.networkStatus()],
  ] as const)('%s under a truncated reply is ambiguous too', async (call, run) => {
    h.sim.setFault('truncated', { times: 1 });
    const err = await caught(run());
    expect(err).toBeInstanceOf(ProviderAmbiguous);
    expect((err as ProviderAmbiguous).call).toBe(call);
  });
});

describe('tis620 replies', () => {
  it('a normal refill in windows-874', async () => {
    h.sim.setFault('tis620');
    await expect(h.client.refill(REFILL)).resolves.toEqual({ orderId: '00000001', discountSatang: 150 });
    await expect(h.client.networkStatus()).resolves.toMatchObject({ AIS: true });
  });

  it('Thai DETAIL round-trips', async () => {
    h.sim.setFault('tis620');
    h.sim.setOnline('DTAC', false);
    const err = await caught(h.client.refill(REFILL));
    expect((err as ProviderRejected).detail).toBe('เครือข่ายปิดปรับปรุง');
  });
});

describe('unreachable: the request never left', () => {
  it('connection refused on a closed port', async () => {
    const url = h.url;
    await h.close();
    const err = await caught(makeClient(url).refill(REFILL));
    expect(err).toBeInstanceOf(ProviderUnreachable);
    expect((err as ProviderUnreachable).reason).toBe('refused');
    expect((err as ProviderUnreachable).code).toBe('ECONNREFUSED');
    expect((err as Error).cause).toBeInstanceOf(Error);
    expectSecretFree(err);
  });

  it('DNS failure: a name that cannot resolve is unreachable (never sent)', async () => {
    // `.invalid` never resolves; how fast the resolver says so depends on the machine, so only
    // the class is checked here and the reason below, with a lookup that fails at once.
    const err = await caught(makeClient('http://nonexistent.invalid/topup/api/v2.php').refill(REFILL));
    expect(err).toBeInstanceOf(ProviderUnreachable);
    expectSecretFree(err);
  });

  it('DNS failure: the lookup answers ENOTFOUND → reason dns, not sent', async () => {
    // Answered on a later turn, as a resolver does.
    const notFound: NonNullable<Parameters<typeof postForm>[2]['lookup']> = (hostname, _options, callback) =>
      setImmediate(() =>
        (callback as (error: NodeJS.ErrnoException) => void)(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })),
      );
    const err = await caught(postForm(new URL('http://provider.example/'), 'x=1', { connectTimeoutMs: 60_000, timeoutMs: 60_000, maxBytes: 1000, lookup: notFound }));
    expect(err).toBeInstanceOf(TransportFailure);
    expect(err).toMatchObject({ sent: false, reason: 'dns', code: 'ENOTFOUND' });
  });

  it('connect timeout: the DNS lookup never answers; the connect timer ends it, long before the total one', async () => {
    // The total timeout is beyond this test's own time limit: only the connect timer can end the call in time.
    const err = await caught(
      postForm(new URL('http://provider.example/'), 'x=1', { connectTimeoutMs: 150, timeoutMs: 10 * 60_000, maxBytes: 1000, lookup: () => undefined }),
    );
    expect(err).toBeInstanceOf(TransportFailure);
    expect(err).toMatchObject({ sent: false, reason: 'connect-timeout' });
  });

  it('the total timeout before connecting still counts as never sent', async () => {
    const err = await caught(
      postForm(new URL('http://provider.example/'), 'x=1', { connectTimeoutMs: 5000, timeoutMs: 100, maxBytes: 1000, lookup: () => undefined }),
    );
    expect(err).toMatchObject({ sent: false, reason: 'connect-timeout' });
  });
});

describe('odd replies from a raw server', () => {
  const serve = (status: number, contentType: string, body: Buffer | string) =>
    startRawServer((_req, _body, res) => {
      res.writeHead(status, { 'content-type': contentType });
      res.end(body);
    });

  it.each([
    ['refill-success.utf8.xml', 'text/xml'],
    ['refill-php-notice.utf8.xml', 'text/html'],
  ])('%s is a successful refill', async (name, type) => {
    const raw = await serve(200, type, fixture(name));
    try {
      const result = await makeClient(raw.url).refill(REFILL);
      expect(result.orderId).toMatch(/^00/);
    } finally {
      await raw.close();
    }
  });

  it.each([
    ['reject-balance.tis620.xml', 'text/xml', 'ยอดเงินคงเหลือไม่เพียงพอ กรุณาเติมเงินเข้าระบบ'],
    ['reject-offline.tis620-nodecl.xml', 'text/xml; charset=TIS-620', 'เครือข่ายปิดปรับปรุง'],
    ['reject-number.utf8.xml', 'text/xml', 'หมายเลขโทรศัพท์ไม่ถูกต้อง'],
  ])('%s is a rejection with its Thai detail', async (name, type, detail) => {
    const raw = await serve(200, type, fixture(name));
    try {
      const err = await caught(makeClient(raw.url).refill(REFILL));
      expect(err).toBeInstanceOf(ProviderRejected);
      expect((err as ProviderRejected).detail).toBe(detail);
    } finally {
      await raw.close();
    }
  });

  it.each([
    ['refill-truncated.utf8.xml', 200, 'unparseable'],
    ['refill-no-orderid.utf8.xml', 200, 'missing-field'],
    ['error-500.html', 500, 'http-status'],
    ['refill-success.utf8.xml', 502, 'http-status'], // a proxy error page is no proof either way
  ] as const)('%s (HTTP %i) is ambiguous: %s', async (name, status, reason) => {
    const raw = await serve(status, 'text/html', fixture(name));
    try {
      const err = await caught(makeClient(raw.url).refill(REFILL));
      expect(err).toBeInstanceOf(ProviderAmbiguous);
      expect((err as ProviderAmbiguous).reason).toBe(reason);
    } finally {
      await raw.close();
    }
  });

  it.each([
    ['<TOPUP><ORDERID>1</ORDERID></TOPUP>', 'missing-status'],
    ['<TOPUP><STATUS>2</STATUS></TOPUP>', 'bad-status'],
  ])('%s is ambiguous (%s)', async (body, reason) => {
    const raw = await serve(200, 'text/xml', body);
    try {
      const err = await caught(makeClient(raw.url).refill(REFILL));
      expect((err as ProviderAmbiguous).reason).toBe(reason);
    } finally {
      await raw.close();
    }
  });

  it('update: parses "1,234.5" and treats refill=1 & cancel=1 as failed', async () => {
    const raw = await serve(200, 'text/xml', fixture('update-reversed.utf8.xml'));
    try {
      expect(await makeClient(raw.url).update('1')).toEqual({ balanceSatang: 123450, chargedSatang: 0, refill: true, cancel: true, state: 'failed' });
    } finally {
      await raw.close();
    }
  });

  it('update with a garbage amount or flag is ambiguous', async () => {
    const raw = await serve(200, 'text/xml', '<TOPUP><STATUS>1</STATUS><AMOUNT>12,34</AMOUNT><STATUS_REFILL>0</STATUS_REFILL></TOPUP>');
    const raw2 = await serve(200, 'text/xml', '<TOPUP><STATUS>1</STATUS><AMOUNT>1.00</AMOUNT><STATUS_REFILL>yes</STATUS_REFILL></TOPUP>');
    try {
      expect(await caught(makeClient(raw.url).update('1'))).toMatchObject({ name: 'ProviderAmbiguous', reason: 'bad-field' });
      expect(await caught(makeClient(raw2.url).update('1'))).toMatchObject({ name: 'ProviderAmbiguous', reason: 'bad-field' });
    } finally {
      await raw.close();
      await raw2.close();
    }
  });

  it('a refill with an odd DISCOUNT keeps its ORDERID', async () => {
    const raw = await serve(200, 'text/xml', '<TOPUP><STATUS>1</STATUS><ORDERID>0042</ORDERID><DISCOUNT>3%</DISCOUNT></TOPUP>');
    try {
      expect(await makeClient(raw.url).refill(REFILL)).toEqual({ orderId: '0042', discountSatang: 0 });
    } finally {
      await raw.close();
    }
  });

  it('network status: missing or odd flags mean offline', async () => {
    const raw = await serve(200, 'text/xml; charset=TIS-620', fixture('network-status.tis620.xml'));
    try {
      expect(await makeClient(raw.url).networkStatus()).toEqual({ AIS: true, DTAC: false, TRUE: true, TOT: false, MY: true, FEELS: true, PENGUIN: false });
    } finally {
      await raw.close();
    }
  });

  it('a reply that echoes the credentials never leaks them', async () => {
    // The worst provider imaginable: it dumps the request into its error page and DETAIL.
    const raw = await startRawServer((_req, body, res) => {
      const echoed = new URLSearchParams(body);
      if (echoed.get('amount') === '1') {
        res.writeHead(200, { 'content-type': 'text/xml' });
        const detail = `bad login ${echoed.get('username')}/${echoed.get('password')} raw=${body}`;
        res.end(`<TOPUP><STATUS>0</STATUS><DETAIL>${detail.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</DETAIL></TOPUP>`);
      } else {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end(`<html><body>Fatal error. $_POST = ${body} user=${USERNAME} pass=${PASSWORD}</body></html>`);
      }
    });
    try {
      const client = makeClient(raw.url);
      const rejected = await caught(client.balance());
      expect(rejected).toBeInstanceOf(ProviderRejected);
      expectSecretFree(rejected);
      const ambiguous = await caught(client.refill(REFILL));
      expect(ambiguous).toBeInstanceOf(ProviderAmbiguous);
      expectSecretFree(ambiguous);
      expect((ambiguous as ProviderError).snippet).toContain('***');
    } finally {
      await raw.close();
    }
  });

  it('the body is cut off mid-reply by the server → ambiguous reset', async () => {
    const raw = await startRawServer((_req, _body, res) => {
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '500' });
      // Cut once the first part is on the wire: the client has headers and half a body.
      res.write('<TOPUP><STATUS>1</STATUS>', () => res.socket?.destroy());
    });
    try {
      const err = await caught(makeClient(raw.url).refill(REFILL));
      expect(err).toBeInstanceOf(ProviderAmbiguous);
      expect((err as ProviderAmbiguous).reason).toBe('reset');
    } finally {
      await raw.close();
    }
  });
});

describe('every fault mode: error messages never contain the request body', () => {
  it.each(['reject', 'insufficient', 'html', 'empty', 'truncated', 'reset', 'hang'] as const)('%s', async (mode) => {
    h.sim.setFault(mode, { times: 1 });
    const err = await caught(makeClient(h.url, { timeoutMs: 300 }).refill(REFILL));
    expect(err).toBeInstanceOf(ProviderError);
    expectSecretFree(err);
    expect(exposedText(err)).not.toContain('0824491794');
    expect(exposedText(err)).not.toContain('mobile=refill');
  });
});

async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
