/** The simulator on its own: settlement, callbacks, cancel, control API, lifecycle. */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/demo/simulator/index.ts';
import { startupHelp } from '../../src/demo/simulator/startup-help.ts';
import { ProviderAmbiguous } from '../../src/provider/errors.ts';
import { caught, makeClient, PASSWORD, startRawServer, USERNAME } from '../provider/helpers.ts';

const REFILL = { network: 'AIS', number: '0812345678', cash: 100 } as const;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function sim(options: Parameters<typeof createSimulator>[0] = {}): Promise<{ sim: Simulator; url: string }> {
  const s = createSimulator({ username: USERNAME, password: PASSWORD, settleAfterMs: 30, ...options });
  const url = await s.listen(0, '127.0.0.1');
  cleanups.push(() => s.close());
  return { sim: s, url };
}

/** A local HTTP server that collects the simulator's result callbacks. */
async function callbackReceiver(status = 200): Promise<{ url: string; received: Array<Record<string, string>>; next(): Promise<Record<string, string>> }> {
  const received: Array<Record<string, string>> = [];
  const waiters: Array<(v: Record<string, string>) => void> = [];
  const raw = await startRawServer((req, body, res) => {
    const fields = Object.fromEntries(new URLSearchParams(body));
    expect(req.headers['content-type']).toContain('application/x-www-form-urlencoded');
    received.push(fields);
    waiters.shift()?.(fields);
    res.writeHead(status).end('OK');
  });
  cleanups.push(() => raw.close());
  let seen = 0;
  return {
    url: raw.url + 'topup/callback/secret',
    received,
    next: () => (seen < received.length ? Promise.resolve(received[seen++]!) : new Promise((r) => waiters.push((v) => (seen++, r(v))))),
  };
}

describe('settlement and callbacks', () => {
  it('a pending order settles as success after settleAfterMs and POSTs the callback', async () => {
    const cb = await callbackReceiver();
    const { sim: s, url } = await sim({ callbackUrl: cb.url, settleAfterMs: 80 });
    const { orderId } = await makeClient(url).refill(REFILL);
    expect(s.state.orders.get(orderId)?.status).toBe('pending');
    expect(cb.received).toHaveLength(0);
    const fields = await cb.next();
    expect(fields).toEqual({ orderid: orderId, status_refill: '1', status_cancel: '0', realamount: '9903.00', detail: 'เติมเงินสำเร็จ' });
    expect(s.state.orders.get(orderId)).toMatchObject({ status: 'success', chargedSatang: 9700, discountSatang: 300 });
    expect(s.state.balanceSatang).toBe(1_000_000 - 9700);
  });

  it('the fail outcome settles as cancelled and refunds', async () => {
    const cb = await callbackReceiver();
    const { sim: s, url } = await sim({ callbackUrl: cb.url });
    s.queueOutcome('fail');
    const { orderId } = await makeClient(url).refill(REFILL);
    expect(await cb.next()).toMatchObject({ orderid: orderId, status_refill: '0', status_cancel: '1', realamount: '10000.00' });
    expect(s.state.orders.get(orderId)?.status).toBe('failed');
    expect(s.state.balanceSatang).toBe(1_000_000);
  });

  it('outcomes apply to the next orders in order, then success again', async () => {
    // `slow` never settles by itself here, so "still pending" does not depend on timing.
    const { sim: s, url } = await sim({ settleAfterMs: 20, slowSettleAfterMs: Infinity });
    s.queueOutcome('fail', 2);
    s.queueOutcome('slow');
    const client = makeClient(url);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await client.refill(REFILL)).orderId);
    const status = () => ids.map((id) => s.state.orders.get(id)?.status);
    await waitUntil(() => status().filter((x) => x !== 'pending').length === 3);
    expect(status()).toEqual(['failed', 'failed', 'pending', 'success']);
    expect(s.state.orders.get(ids[2]!)?.outcome).toBe('slow');
  });

  it('manual settle, and a reversal after success', async () => {
    const cb = await callbackReceiver();
    const { sim: s, url } = await sim({ callbackUrl: cb.url, settleAfterMs: Infinity });
    const { orderId } = await makeClient(url).refill(REFILL);
    s.settle(orderId, 'success');
    expect(await cb.next()).toMatchObject({ status_refill: '1', status_cancel: '0' });
    s.settle(orderId, 'failed');
    expect(await cb.next()).toMatchObject({ status_refill: '1', status_cancel: '1' });
    expect(s.state.orders.get(orderId)?.status).toBe('reversed');
    expect(s.state.balanceSatang).toBe(1_000_000);
    expect(() => s.settle('nope', 'success')).toThrow(RangeError);
  });

  it('a callback that cannot be delivered is dropped without harm', async () => {
    const warnings: unknown[] = [];
    const { sim: s, url } = await sim({
      callbackUrl: 'http://127.0.0.1:1/unreachable',
      logger: { info: () => undefined, warn: (obj) => warnings.push(obj) },
    });
    const { orderId } = await makeClient(url).refill(REFILL);
    s.settle(orderId, 'success');
    await s.callbacksIdle();
    expect(warnings).toHaveLength(1);
    expect(s.state.orders.get(orderId)?.status).toBe('success');
  });

  it('a non-2xx callback answer is logged', async () => {
    const cb = await callbackReceiver(500);
    const warnings: unknown[] = [];
    const { sim: s, url } = await sim({ callbackUrl: cb.url, logger: { info: () => undefined, warn: (o) => warnings.push(o) } });
    const { orderId } = await makeClient(url).refill(REFILL);
    s.settle(orderId, 'success');
    await s.callbacksIdle();
    expect(cb.received).toHaveLength(1);
    expect(warnings).toEqual([expect.objectContaining({ orderId, status: 500 })]);
  });
});

describe('cancel (return)', () => {
  it('cancels a pending order at once, refunds, stops its timer and calls back', async () => {
    const cb = await callbackReceiver();
    const { sim: s, url } = await sim({ callbackUrl: cb.url, settleAfterMs: 100 });
    const client = makeClient(url);
    const { orderId } = await client.refill(REFILL);
    await client.cancel(orderId);
    expect(await cb.next()).toMatchObject({ orderid: orderId, status_refill: '0', status_cancel: '1', detail: 'ยกเลิกรายการสำเร็จ' });
    // A witness: a second order with the same delay settles after the first one's timer would
    // have fired (timers of equal delay fire in the order they were set).
    const { orderId: witness } = await client.refill(REFILL);
    expect(await cb.next()).toMatchObject({ orderid: witness, status_refill: '1' });
    expect(s.state.orders.get(orderId)?.status).toBe('cancelled');
    expect(cb.received.map((c) => c.orderid)).toEqual([orderId, witness]);
    expect(s.state.balanceSatang).toBe(1_000_000 - s.state.orders.get(witness)!.chargedSatang); // only the witness is charged
  });
});

describe('validation', () => {
  it.each([
    ['0712345678', 'หมายเลขโทรศัพท์ไม่ถูกต้อง'],
    ['081234567', 'หมายเลขโทรศัพท์ไม่ถูกต้อง'],
  ])('number %s', async (number, detail) => {
    const { url } = await sim();
    const res = await post(url, { mobile: 'refill', username: USERNAME, password: PASSWORD, network: '1', number, cash: '10' });
    expect(res).toContain(`<DETAIL>${detail}</DETAIL>`);
  });

  it.each(['0', '8', 'x', ''])('network %j', async (network) => {
    const { url } = await sim();
    expect(await post(url, { mobile: 'refill', username: USERNAME, password: PASSWORD, network, number: '0912345678', cash: '10' })).toContain(
      'หมายเลขเครือข่ายไม่ถูกต้อง',
    );
  });

  it('unknown calls and wrong credentials are STATUS=0 in Thai, UTF-8 by default', async () => {
    const { url } = await sim();
    const reply = await fetch(url, { method: 'POST', body: new URLSearchParams({ username: USERNAME, password: PASSWORD, foo: '1' }) });
    expect(reply.headers.get('content-type')).toBe('text/xml; charset=UTF-8');
    expect(await reply.text()).toContain('<STATUS>0</STATUS>');
    expect(await post(url, { username: USERNAME, password: 'x', amount: '1' })).toContain('ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง');
  });

  it('configurable discount, cash list and codes', async () => {
    const { sim: s, url } = await sim({ discountPercent: 2.5, allowedCash: [25], networkCodes: { AIS: 11, DTAC: 2, TRUE: 3, TOT: 4, MY: 5, FEELS: 6, PENGUIN: 7 } });
    const client = makeClient(url, { networkCodes: { AIS: 11, DTAC: 2, TRUE: 3, TOT: 4, MY: 5, FEELS: 6, PENGUIN: 7 } });
    expect(await client.refill({ ...REFILL, cash: 25 })).toEqual({ orderId: '00000001', discountSatang: 63 });
    expect(s.state.orders.get('00000001')?.network).toBe('AIS');
  });
});

describe('faults', () => {
  it('tis620 replies are windows-874 bytes with matching header and declaration', async () => {
    const { sim: s, url } = await sim();
    s.setFault('tis620', { times: 1 });
    const reply = await fetch(url, { method: 'POST', body: new URLSearchParams({ username: USERNAME, password: 'bad', amount: '1' }) });
    expect(reply.headers.get('content-type')).toBe('text/xml; charset=TIS-620');
    const bytes = Buffer.from(await reply.arrayBuffer());
    expect(bytes.toString('latin1')).toContain('encoding="TIS-620"');
    expect(bytes.includes(Buffer.from('ชื่อ', 'utf8'))).toBe(false);
    expect(new TextDecoder('windows-874').decode(bytes)).toContain('ชื่อผู้ใช้งานหรือรหัสผ่านไม่ถูกต้อง');
  });

  it('requests are recorded without the password, with the fault they met', async () => {
    const { sim: s, url } = await sim();
    s.setFault('empty', { times: 1 });
    await caught(makeClient(url).balance());
    expect(s.requests).toEqual([{ at: expect.any(Number), kind: 'balance', fields: { amount: '1', username: USERNAME }, fault: 'empty' }]);
  });

  it('close() ends hung requests and timers; the client sees an ambiguous reset', async () => {
    const { sim: s, url } = await sim({ settleAfterMs: 60_000 });
    s.setFault('hang');
    const pending = caught(makeClient(url, { timeoutMs: 5000 }).refill(REFILL));
    await waitUntil(() => s.refillCount() === 1);
    await s.close();
    const err = await pending;
    // Cut off by close() (a reset), not by the client's own 5 s timeout.
    expect(err).toBeInstanceOf(ProviderAmbiguous);
    expect((err as ProviderAmbiguous).reason).toBe('reset');
    expect(s.state.orders.get('00000001')?.status).toBe('pending'); // its timer was cleared
  });
});

describe('control API over HTTP', () => {
  it('GET /_sim/state and POST /_sim/control', async () => {
    const { sim: s, url } = await sim();
    const origin = new URL(url).origin;
    const control = (body: unknown) =>
      fetch(`${origin}/_sim/control`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    let res = await control({ online: { AIS: false }, balanceSatang: 5000, fault: 'html', times: 2, outcome: 'fail' });
    expect(res.status).toBe(200);
    const state = (await res.json()) as Record<string, unknown>;
    expect(state).toMatchObject({ balanceSatang: 5000, balance: '50.00', online: { AIS: false, DTAC: true }, fault: { mode: 'html', remaining: 2 }, outcomes: ['fail', 'fail'] });
    expect(s.state.online.AIS).toBe(false);

    res = await control({ fault: 'none' });
    expect(((await res.json()) as { fault: unknown }).fault).toBeNull();

    const client = makeClient(url);
    s.setBalance(1_000_000);
    const { orderId } = await client.refill({ ...REFILL, network: 'DTAC' });
    res = await control({ settle: { orderId, result: 'success' } });
    expect(res.status).toBe(200);
    const after = (await (await fetch(`${origin}/_sim/state`)).json()) as { refillCount: number; orders: Array<{ orderId: string; status: string }> };
    expect(after.refillCount).toBe(1);
    // The order drew the queued 'fail' outcome, but the manual settle came before its timer.
    expect(after.orders).toEqual([expect.objectContaining({ orderId, outcome: 'fail', status: 'success' })]);
  });

  it.each([
    [{ fault: 'explode' }, 400],
    [{ fault: 'html', times: 0 }, 400],
    [{ online: { NOKIA: true } }, 400],
    [{ balanceSatang: -1 }, 400],
    [{ outcome: 'maybe' }, 400],
    [{ settle: { orderId: '123', result: 'success' } }, 404],
    [[1, 2], 400],
  ])('rejects %j with %i', async (body, status) => {
    const { url } = await sim();
    const res = await fetch(`${new URL(url).origin}/_sim/control`, { method: 'POST', body: JSON.stringify(body) });
    expect(res.status).toBe(status);
    expect(await res.json()).toHaveProperty('error');
  });
});

describe('in-process use', () => {
  it('works mounted in an express app under a prefix, body parsers or not', async () => {
    const s = createSimulator({ username: USERNAME, password: PASSWORD });
    cleanups.push(() => s.close());
    const app = express();
    app.use('/parsed', express.urlencoded({ extended: false }), express.json(), s.handler);
    app.use('/provider', s.handler);
    const server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => server.close(() => r())));
    const { port } = server.address() as AddressInfo;

    for (const prefix of ['provider', 'parsed']) {
      const client = makeClient(`http://127.0.0.1:${port}/${prefix}/topup/api/v2.php`);
      await expect(client.balance()).resolves.toEqual({ balanceSatang: 1_000_000 });
      const res = await fetch(`http://127.0.0.1:${port}/${prefix}/_sim/control`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ online: { MY: false } }),
      });
      expect(res.status).toBe(200);
    }
    expect(s.state.online.MY).toBe(false);
  });
});

describe('npm run simulator (cli.ts)', () => {
  it('prints its login and the variables that point the bot at it, serves the protocol and the control API, stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/demo/simulator/cli.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        TOPUP_USERNAME: 'u1',
        TOPUP_PASSWORD: 'p1',
        SIMULATOR_SETTLE_MS: '20',
        // Nothing listens on port 9: the callbacks go nowhere, the printed secret is what counts.
        SIMULATOR_CALLBACK_URL: 'http://127.0.0.1:9/topup/callback/s3cret-for-the-bot',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (c: Buffer) => {
          text += c.toString();
          if (text.includes('Results are POSTed')) resolve(text);
        });
        child.on('exit', () => reject(new Error(`simulator exited early: ${text}`)));
      });
      const url = /listening at (\S+)/.exec(out)?.[1];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/topup\/api\/v2\.php$/);
      expect(out).toContain('username "u1", password "p1"');
      // The exact lines to copy into the bot's .env: they are what the simulator serves.
      const env = Object.fromEntries([...out.matchAll(/^ {2}(TOPUP_[A-Z_]+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
      expect(env).toEqual({ TOPUP_API_URL: url, TOPUP_USERNAME: 'u1', TOPUP_PASSWORD: 'p1', TOPUP_CALLBACK_SECRET: 's3cret-for-the-bot' });
      const client = makeClient(env['TOPUP_API_URL']!, { username: env['TOPUP_USERNAME']!, password: env['TOPUP_PASSWORD']! });
      const { orderId } = await client.refill(REFILL);
      await waitUntil(async () => (await client.update(orderId)).state === 'success');
      const state = (await (await fetch(new URL('/_sim/state', url))).json()) as { refillCount: number };
      expect(state.refillCount).toBe(1);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});

describe('the simulator\'s start-up help', () => {
  it('without a callback URL: a fresh secret, and how to have results called back with it', () => {
    const help = startupHelp({ url: 'http://127.0.0.1:3100/topup/api/v2.php', username: 'demo', password: 'demo' });
    const secret = /^ {2}TOPUP_CALLBACK_SECRET=(\S+)$/m.exec(help)?.[1];
    expect(secret).toMatch(/^[0-9a-f]{24}$/);
    expect(help).toContain(`SIMULATOR_CALLBACK_URL=http://127.0.0.1:3000/topup/callback/${secret} npm run simulator`);
    expect(help).toContain('TOPUP_API_URL=http://127.0.0.1:3100/topup/api/v2.php');
    expect(help).toContain('LINE_CHANNEL_SECRET');
  });

  it('says so when the callback URL is not the bot\'s callback route', () => {
    const help = startupHelp({ url: 'http://127.0.0.1:3100/x', username: 'a', password: 'b', callbackUrl: 'http://127.0.0.1:3000/hook' });
    expect(help).toContain('will 404 it');
  });
});

async function post(url: string, fields: Record<string, string>): Promise<string> {
  const res = await fetch(url, { method: 'POST', body: new URLSearchParams(fields) });
  return res.text();
}

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
