/**
 * createSimulator: the TOPUP API v2 simulator as a node (req, res) listener, optionally with its
 * own HTTP server. The same object serves tests over HTTP and the bot's demo mode in-process.
 * Any POST path speaks the protocol, except the control paths documented in control.ts.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Network } from '../../networks.ts';
import { formatSatang } from '../../provider/money.ts';
import { applyControl, ControlError } from './control.ts';
import { DETAIL, Engine, rejected, requestKind } from './engine.ts';
import { FaultPlan } from './faults.ts';
import { emptyReply, htmlErrorReply, tis620Reply, truncatedReply, xmlReply, type RawReply } from './reply.ts';
import type { FaultMode, FaultOptions, Outcome, SimOrder, SimRequest, SimulatorOptions, SimulatorState } from './types.ts';

export interface Simulator {
  /** Starts an HTTP server (default port 0 = any, host 127.0.0.1); resolves to the API URL incl. path. */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops timers, callbacks, hung requests and the server (if any). */
  close(): Promise<void>;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Live state: read it freely; change it through the setters. */
  readonly state: SimulatorState;
  setOnline(network: Network, online: boolean): void;
  setBalance(satang: number): void;
  setFault(mode: FaultMode, options?: FaultOptions): void;
  clearFault(): void;
  queueOutcome(outcome: Outcome, times?: number): void;
  settle(orderId: string, result: 'success' | 'failed'): SimOrder;
  /** Refill requests accepted (orders created), whatever happened to their replies. */
  refillCount(): number;
  /** Protocol requests received, oldest first, password removed; the last 1000 are kept. */
  readonly requests: readonly SimRequest[];
  /** Requests held by the `hang` fault right now. */
  hungCount(): number;
  /** Ends every hung request by dropping its connection (a reset: the client cannot know). */
  dropHung(): void;
  /** Resolves when all result callbacks started so far have been delivered or given up. */
  callbacksIdle(): Promise<void>;
  /** JSON-able snapshot, as served by GET /_sim/state. */
  snapshot(): Record<string, unknown>;
}

const MAX_BODY_BYTES = 64 * 1024;
const MAX_RECORDED = 1000;

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const engine = new Engine(options);
  const faults = new FaultPlan();
  const requests: SimRequest[] = [];
  const hung = new Set<ServerResponse>();
  const path = options.path ?? '/topup/api/v2.php';
  const controlEnabled = options.control ?? true;
  let server: http.Server | undefined;
  let closed = false;

  const sim: Simulator = {
    handler(req, res) {
      serve(req, res).catch((err: unknown) => {
        options.logger?.warn({ err: String(err) }, 'simulator request failed');
        if (!res.headersSent) send(res, { status: 500, contentType: 'text/plain', body: Buffer.from('simulator error') });
        else res.destroy();
      });
    },
    state: engine.state,
    setOnline(network, online) {
      engine.state.online[network] = online;
      engine.save();
    },
    setBalance(satang) {
      if (!Number.isSafeInteger(satang)) throw new RangeError('balance must be an integer number of satang');
      engine.state.balanceSatang = satang;
      engine.save();
    },
    setFault: (mode, faultOptions) => faults.set(mode, faultOptions),
    clearFault: () => faults.clear(),
    queueOutcome: (outcome, times) => engine.outcomes.push(outcome, times),
    settle: (orderId, result) => engine.settle(orderId, result),
    refillCount: () => engine.refillCount(),
    requests,
    callbacksIdle: () => engine.callbacks.idle(),
    hungCount: () => hung.size,
    dropHung() {
      for (const res of hung) res.destroy();
      hung.clear();
    },
    snapshot() {
      return {
        balanceSatang: engine.state.balanceSatang,
        balance: formatSatang(engine.state.balanceSatang),
        online: { ...engine.state.online },
        orders: [...engine.state.orders.values()],
        refillCount: engine.refillCount(),
        fault: faults.describe(),
        outcomes: engine.outcomes.list(),
        requestCount: requests.length,
        recentRequests: requests.slice(-50),
      };
    },

    async listen(port = 0, host = '127.0.0.1') {
      if (server) throw new Error('simulator is already listening');
      if (closed) throw new Error('simulator is closed');
      const srv = http.createServer(sim.handler);
      server = srv;
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(port, host, () => {
          srv.off('error', reject);
          resolve();
        });
      });
      const address = srv.address() as AddressInfo;
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      return `http://${shown}:${address.port}${path}`;
    },

    async close() {
      closed = true;
      engine.close();
      for (const res of hung) res.destroy();
      hung.clear();
      const srv = server;
      if (!srv) return;
      await new Promise<void>((resolve) => {
        srv.close(() => resolve());
        srv.closeAllConnections();
      });
    },
  };

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://simulator').pathname;

    if (controlEnabled && pathname.endsWith('/_sim/state') && req.method === 'GET') {
      return sendJson(res, 200, sim.snapshot());
    }
    if (controlEnabled && pathname.endsWith('/_sim/control') && req.method === 'POST') {
      let payload: unknown;
      try {
        const pre = preParsedBody(req);
        payload = pre ?? JSON.parse((await readBody(req)).toString('utf8'));
      } catch {
        return sendJson(res, 400, { error: 'body must be JSON' });
      }
      try {
        applyControl({ ...sim, hasOrder: (id) => engine.state.orders.has(id) }, payload);
      } catch (err) {
        if (err instanceof ControlError) return sendJson(res, err.status, { error: err.message });
        throw err;
      }
      return sendJson(res, 200, sim.snapshot());
    }
    if (req.method !== 'POST') {
      return send(res, { status: 405, contentType: 'text/plain; charset=UTF-8', body: Buffer.from('POST only') });
    }

    const fields = formFields(req, await readBody(req));
    const kind = requestKind(fields);
    const fault = faults.take(kind);
    record({ at: Date.now(), kind, fields: withoutPassword(fields), ...(fault ? { fault: fault.mode } : {}) });

    // Faults that stand for "the provider said no": nothing is processed.
    if (fault?.mode === 'reject') return send(res, xmlReply(rejected(DETAIL.temporary)));
    if (fault?.mode === 'insufficient') return send(res, xmlReply(rejected(DETAIL.insufficient)));

    const processed = !fault || fault.processFirst || fault.mode === 'tis620' ? engine.handle(fields) : undefined;
    const replyFields = processed?.fields ?? rejected(DETAIL.temporary);

    if (fault?.mode === 'hang' || processed?.hang) return hold(res);
    switch (fault?.mode) {
      case 'reset':
        return resetConnection(req);
      case 'html':
        return send(res, htmlErrorReply());
      case 'empty':
        return send(res, emptyReply());
      case 'truncated':
        return send(res, truncatedReply(replyFields));
      case 'tis620':
        return send(res, tis620Reply(replyFields));
      default:
        return send(res, xmlReply(replyFields));
    }
  }

  function record(entry: SimRequest): void {
    requests.push(entry);
    if (requests.length > MAX_RECORDED) requests.splice(0, requests.length - MAX_RECORDED);
  }

  /** Never answer; the socket stays open until the client gives up or close() is called. */
  function hold(res: ServerResponse): void {
    if (closed) {
      res.destroy();
      return;
    }
    hung.add(res);
    res.on('close', () => hung.delete(res));
  }

  return sim;
}

function send(res: ServerResponse, reply: RawReply): void {
  res.writeHead(reply.status, { 'content-type': reply.contentType, 'content-length': reply.body.byteLength });
  res.end(reply.body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, { status, contentType: 'application/json; charset=UTF-8', body: Buffer.from(JSON.stringify(value), 'utf8') });
}

/** A TCP RST where the platform allows it (what a crashed upstream looks like), else a plain close. */
function resetConnection(req: IncomingMessage): void {
  const socket = req.socket;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** When mounted behind a body parser (express.urlencoded / express.json) the stream is already drained. */
function preParsedBody(req: IncomingMessage): Record<string, unknown> | undefined {
  const body = (req as IncomingMessage & { body?: unknown }).body;
  return req.readableEnded && typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : undefined;
}

function formFields(req: IncomingMessage, raw: Buffer): Record<string, string> {
  const pre = preParsedBody(req);
  if (pre) return Object.fromEntries(Object.entries(pre).map(([k, v]) => [k, String(v)]));
  // Like PHP's $_POST: the last of repeated keys wins.
  return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
}

function withoutPassword(fields: Record<string, string>): Record<string, string> {
  const { password: _password, ...rest } = fields;
  return rest;
}
