/**
 * Signed LINE webhook bodies for the benchmarks: one event per body, a unique webhookEventId,
 * a user from a rotating pool, realistic Thai order text.
 *
 * The reply token carries the wall-clock time the event was generated (`b<seq>.<ms>`), so the
 * LINE stand-in, in another process, can time event → reply without any shared state.
 * `now()` below is wall-clock with sub-millisecond resolution and is comparable across
 * processes on the same machine.
 */
import { createHmac, randomBytes } from 'node:crypto';

export const CHANNEL_SECRET = 'bench-channel-secret';
export const ACCESS_TOKEN = 'bench-access-token';
export const CALLBACK_SECRET = 'bench-callback-secret-0123456789';

/** Complete orders (number + network + amount): every one is a full turn ending in a Flex confirm card. */
export const ORDER_TEXTS: readonly string[] = [
  'เติม 50 0812345678 ais',
  'เติมเงิน 100 บาท 0898765432 ทรู',
  'ดีแทค 0861234567 20 บาท',
  'เติม 300 ให้ 092-345-6789 AIS',
  'true 0634567890 150',
  'เติม 50 ให้ 0812345678 ทรู ครับ',
  'dtac 100 บาท เบอร์ 0923456789 ค่ะ',
  'เติม ais 100 บาท 0891234567',
];

export function now(): number {
  return performance.timeOrigin + performance.now();
}

export function sign(body: string, secret = CHANNEL_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64');
}

/** `U` + 32 hex, like LINE user ids; deterministic so a run's pool can be warmed up first. */
export function userId(pool: string, i: number): string {
  return `U${createHmac('sha256', 'bench-users').update(`${pool}:${i}`).digest('hex').slice(0, 32)}`;
}

/** Send time encoded by `replyToken()`, or undefined for a token that is not ours. */
export function sentAtOf(replyToken: string): number | undefined {
  const m = /^b\d+\.(\d+(?:\.\d+)?)$/.exec(replyToken);
  return m ? Number(m[1]) : undefined;
}

const runId = randomBytes(4).toString('hex').toUpperCase();
let seq = 0;

export interface SignedBody {
  body: string;
  signature: string;
}

/** The envelope LINE puts around every 1:1 event; the reply token carries the send time. */
function userEvent(user: string, at: number, body: (n: number) => Record<string, unknown>): Record<string, unknown> {
  const n = ++seq;
  return {
    ...body(n),
    webhookEventId: `01BENCH${runId}${String(n).padStart(12, '0')}`,
    deliveryContext: { isRedelivery: false },
    timestamp: Math.floor(at),
    source: { type: 'user', userId: user },
    replyToken: `b${n}.${at.toFixed(3)}`,
    mode: 'active',
  };
}

export function textEvent(user: string, text: string, at = now()): Record<string, unknown> {
  return userEvent(user, at, (n) => ({
    type: 'message',
    message: { type: 'text', id: String(600_000_000_000_000_000n + BigInt(n)), quoteToken: `q${n}`, text },
  }));
}

export function postbackEvent(user: string, data: string, at = now()): Record<string, unknown> {
  return userEvent(user, at, () => ({ type: 'postback', postback: { data } }));
}

export function signedBody(event: Record<string, unknown>): SignedBody {
  const body = JSON.stringify({ destination: 'Ubench0000000000000000000000000000', events: [event] });
  return { body, signature: sign(body) };
}

/** An endless stream of order-text webhooks rotating over `poolSize` users. */
export function orderStream(options: { pool: string; poolSize: number }): () => SignedBody {
  let i = 0;
  return () => {
    const k = i++;
    const text = ORDER_TEXTS[k % ORDER_TEXTS.length]!;
    return signedBody(textEvent(userId(options.pool, k % options.poolSize), text));
  };
}

/**
 * The bot's whole environment in the bench: production mode against the stand-ins, payment
 * taken outside the bot (the turn measured is the order conversation itself).
 */
export function botEnv(options: {
  port: number;
  databaseUrl?: string;
  dataDir?: string;
  lineOrigin: string;
  simulatorUrl: string;
  logLevel: string;
}): Record<string, string | undefined> {
  return {
    NODE_ENV: 'production',
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: options.dataDir,
    LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    LINE_CHANNEL_ACCESS_TOKEN: ACCESS_TOKEN,
    LINE_API_BASE_URL: options.lineOrigin,
    LINE_DATA_API_BASE_URL: options.lineOrigin,
    TOPUP_API_URL: options.simulatorUrl,
    TOPUP_USERNAME: 'bench-shop',
    TOPUP_PASSWORD: 'bench-password',
    TOPUP_CALLBACK_SECRET: CALLBACK_SECRET,
    PAYMENT_MODE: 'open',
    LOG_LEVEL: options.logLevel,
  };
}
