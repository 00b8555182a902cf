/**
 * The TOPUP API v2 client. Every call is one form POST answered by `<TOPUP>…</TOPUP>`.
 *
 * Failures are thrown as the three classes of errors.ts; the client never retries anything
 * (least of all a refill: DESIGN §5 — a refill is never sent twice). Callers decide by class.
 */
import { NETWORKS, type Network } from '../networks.ts';
import {
  ProviderAmbiguous,
  ProviderRejected,
  ProviderUnreachable,
  type ProviderCall,
  type ProviderErrorOptions,
} from './errors.ts';
import { MoneyFormatError, parseSatang } from './money.ts';
import { makeSnippet, redact } from './redact.ts';
import { postForm, TransportFailure } from './transport.ts';
import { decodeBody } from './charset.ts';
import { parseTopup, TopupXmlError, type TopupFields } from './xml.ts';

export interface ProviderClientOptions {
  /** The full API URL, path included (the provider documents two different ones). */
  url: string;
  username: string;
  password: string;
  networkCodes: Record<Network, number>;
  /** DNS + TCP (+ TLS) must finish within this; default 5000. */
  connectTimeoutMs?: number;
  /** The whole exchange must finish within this; default 30000 (the provider's own sample uses 30 s). */
  timeoutMs?: number;
}

export interface RefillRequest {
  network: Network;
  /** 10-digit local form, e.g. 0812345678. */
  number: string;
  /** Whole baht. */
  cash: number;
  /** Sender label shown in the provider's reports; the provider uses the username when absent. */
  users?: string;
}

export interface RefillResult {
  orderId: string;
  discountSatang: number;
}

export type ProviderOrderState = 'success' | 'failed' | 'pending';

export interface UpdateResult {
  /** Merchant balance left (AMOUNT). */
  balanceSatang: number;
  /** Amount charged for the order (REALAMOUNT). */
  chargedSatang: number;
  /** STATUS_REFILL = 1 */
  refill: boolean;
  /** STATUS_CANCEL = 1 */
  cancel: boolean;
  state: ProviderOrderState;
}

export interface ProviderClient {
  refill(request: RefillRequest): Promise<RefillResult>;
  update(orderId: string): Promise<UpdateResult>;
  cancel(orderId: string): Promise<void>;
  balance(): Promise<{ balanceSatang: number }>;
  networkStatus(): Promise<Record<Network, boolean>>;
}

const MAX_REPLY_BYTES = 256 * 1024;

export function createProviderClient(options: ProviderClientOptions): ProviderClient {
  const url = new URL(options.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`provider url must be http(s), got ${url.protocol}`);
  }
  const secrets = [options.password, options.username];
  const postOptions = {
    connectTimeoutMs: options.connectTimeoutMs ?? 5000,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBytes: MAX_REPLY_BYTES,
  };

  /** Sends one call and returns the fields of a STATUS=1 reply; everything else throws. */
  async function call(name: ProviderCall, request: Record<string, string>): Promise<Reply> {
    const form = new URLSearchParams({ ...request, username: options.username, password: options.password });
    let reply;
    try {
      reply = await postForm(url, form.toString(), postOptions);
    } catch (err) {
      if (!(err instanceof TransportFailure)) throw err;
      const base: ProviderErrorOptions = { call: name, cause: err, ...(err.code ? { code: err.code } : {}) };
      throw err.sent
        ? new ProviderAmbiguous(err.reason, err.message, base)
        : new ProviderUnreachable(err.reason, err.message, base);
    }

    const text = decodeBody(reply.body, reply.contentType).text;
    const base: ProviderErrorOptions = { call: name, snippet: makeSnippet(text, secrets), httpStatus: reply.status };

    // Not following redirects (the provider's PHP sample does not either), and a non-2xx page is
    // not the API talking, so whatever it says is no proof either way.
    if (reply.status < 200 || reply.status > 299) {
      throw new ProviderAmbiguous('http-status', `HTTP ${reply.status}`, base);
    }

    let fields: TopupFields;
    try {
      fields = parseTopup(text);
    } catch (err) {
      if (!(err instanceof TopupXmlError)) throw err;
      throw new ProviderAmbiguous(err.reason, err.message, { ...base, cause: err });
    }

    const status = fields.get('STATUS');
    if (status === undefined) throw new ProviderAmbiguous('missing-status', 'reply has no STATUS', base);
    if (status === '0') {
      const detail = redact(fields.get('DETAIL') ?? '', secrets).slice(0, 200);
      throw new ProviderRejected(detail, base);
    }
    if (status !== '1') throw new ProviderAmbiguous('bad-status', `STATUS is ${JSON.stringify(status.slice(0, 20))}`, base);
    return new Reply(fields, base);
  }

  return {
    async refill(request) {
      const code = options.networkCodes[request.network];
      // Argument errors are bugs in the caller and are raised before anything is sent.
      if (!Number.isInteger(code)) throw new RangeError(`no provider code for network ${String(request.network)}`);
      if (!/^0\d{9}$/.test(request.number)) throw new RangeError('number must be 10 digits in local form (0XXXXXXXXX)');
      if (!Number.isSafeInteger(request.cash) || request.cash <= 0) throw new RangeError('cash must be a positive whole number of baht');

      const fields: Record<string, string> = {
        mobile: 'refill',
        network: String(code),
        number: request.number,
        cash: String(request.cash),
      };
      if (request.users) fields.users = request.users;

      const reply = await call('refill', fields);
      // STATUS=1 without an ORDERID: the provider may well have accepted the refill, but we
      // cannot name it; that is exactly the ambiguous case.
      const orderId = reply.fields.get('ORDERID') ?? '';
      if (orderId === '') throw new ProviderAmbiguous('missing-field', 'STATUS=1 without ORDERID', reply.base);
      // A real order exists now. A missing or odd DISCOUNT must not lose its ORDERID, so it counts
      // as 0 here; the amount actually charged comes from update() (REALAMOUNT) anyway.
      let discountSatang = 0;
      try {
        discountSatang = reply.optionalMoney('DISCOUNT') ?? 0;
      } catch {
        discountSatang = 0;
      }
      return { orderId, discountSatang };
    },

    async update(orderId) {
      const reply = await call('update', { mobile: 'update', orderid: requireOrderId(orderId) });
      const refill = reply.flag('STATUS_REFILL');
      const cancel = reply.flag('STATUS_CANCEL');
      return {
        balanceSatang: reply.money('AMOUNT'),
        // A pending order may report an empty REALAMOUNT: nothing charged yet as far as we know.
        chargedSatang: reply.optionalMoney('REALAMOUNT') ?? 0,
        refill,
        cancel,
        state: orderState(refill, cancel),
      };
    },

    async cancel(orderId) {
      await call('cancel', { mobile: 'return', orderid: requireOrderId(orderId) });
    },

    async balance() {
      const reply = await call('balance', { amount: '1' });
      return { balanceSatang: reply.money('AMOUNT') };
    },

    async networkStatus() {
      const reply = await call('networkStatus', { online: '1' });
      // A network the reply does not mention, or mentions with anything but 1, is treated as
      // down: offering a top-up on a closed network only produces a rejection later.
      const status = {} as Record<Network, boolean>;
      for (const network of NETWORKS) status[network] = reply.fields.get(network)?.trim() === '1';
      return status;
    },
  };
}

/**
 * refill=1 → success; cancel=1 → failed; neither → pending. Both set means the refill went
 * through and was later reversed/refunded (the provider's "cancel after success" that takes
 * 6–24 h): the customer did not keep the credit and the merchant got the money back, so 'failed'.
 */
export function orderState(refill: boolean, cancel: boolean): ProviderOrderState {
  if (cancel) return 'failed';
  if (refill) return 'success';
  return 'pending';
}

function requireOrderId(orderId: string): string {
  if (typeof orderId !== 'string' || orderId.trim() === '') throw new RangeError('orderId must be a non-empty string');
  return orderId.trim();
}

/** A STATUS=1 reply with typed field accessors that fail as ProviderAmbiguous. */
class Reply {
  constructor(
    readonly fields: TopupFields,
    readonly base: ProviderErrorOptions,
  ) {}

  money(name: string): number {
    const value = this.optionalMoney(name);
    if (value === undefined) throw new ProviderAmbiguous('missing-field', `reply has no ${name}`, this.base);
    return value;
  }

  /** undefined when absent or empty; throws ProviderAmbiguous on garbage. */
  optionalMoney(name: string): number | undefined {
    const raw = this.fields.get(name);
    if (raw === undefined || raw.trim() === '') return undefined;
    try {
      return parseSatang(raw);
    } catch (err) {
      if (!(err instanceof MoneyFormatError)) throw err;
      throw new ProviderAmbiguous('bad-field', `${name} is not an amount`, { ...this.base, cause: err });
    }
  }

  /** 0/1 flags; empty counts as 0, anything else is not a reply we understand. */
  flag(name: string): boolean {
    const raw = (this.fields.get(name) ?? '').trim();
    if (raw === '1') return true;
    if (raw === '0' || raw === '') return false;
    throw new ProviderAmbiguous('bad-field', `${name} is neither 0 nor 1`, this.base);
  }
}
