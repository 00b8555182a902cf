/**
 * The environment as zod reads it: one line per variable, with its default and what it
 * accepts, plus the parsers for the list-shaped values (codes, amounts, ids, times).
 */
import { z } from 'zod';
import { LINE_USER_ID } from '../line-ids.ts';
import { NETWORKS, type Network } from '../networks.ts';
import { DEFAULT_NETWORK_CODES } from '../provider/codes.ts';
import { ConfigError } from './errors.ts';
import { PAYMENT_MODES, type PaymentMode } from './types.ts';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const intFrom = (fallback: number, min = 0) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number ≥ ${min}, got "${v}"` });
        return z.NEVER;
      }
      return n;
    });

const urlString = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    try {
      const u = new URL(v);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
      return v;
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be an http(s) URL, got "${v}"` });
      return z.NEVER;
    }
  });

export const schema = z.object({
  NODE_ENV: optionalString,
  PORT: intFrom(3000, 0),
  DATABASE_URL: optionalString,
  DATA_DIR: optionalString,
  LINE_CHANNEL_SECRET: optionalString,
  LINE_CHANNEL_ACCESS_TOKEN: optionalString,
  LINE_API_BASE_URL: urlString,
  LINE_DATA_API_BASE_URL: urlString,
  TOPUP_API_URL: urlString,
  TOPUP_USERNAME: optionalString,
  TOPUP_PASSWORD: optionalString,
  TOPUP_CALLBACK_SECRET: optionalString,
  TOPUP_NETWORK_CODES: optionalString,
  TOPUP_TIMEOUT_MS: intFrom(30_000, 100),
  TOPUP_CONNECT_TIMEOUT_MS: intFrom(5_000, 100),
  OWNER_GROUP_IDS: optionalString,
  OWNER_REGISTER_CODE: optionalString,
  BALANCE_ALERT_THRESHOLD: intFrom(500, 0),
  BALANCE_CRITICAL_THRESHOLD: optionalString,
  BALANCE_CHECK_INTERVAL_SECONDS: intFrom(300, 1),
  NETWORK_CHECK_INTERVAL_SECONDS: intFrom(60, 1),
  DAILY_SUMMARY_TIME: optionalString,
  PAYMENT_MODE: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const mode = v.toLowerCase();
      if (!(PAYMENT_MODES as readonly string[]).includes(mode)) {
        ctx.addIssue({ code: 'custom', message: `must be one of ${PAYMENT_MODES.join(', ')}, got "${v}"` });
        return z.NEVER;
      }
      return mode as PaymentMode;
    }),
  PROMPTPAY_ID: optionalString,
  PUBLIC_URL: urlString,
  TRUSTED_USER_IDS: optionalString,
  DEPOSIT_MIN_BAHT: intFrom(20, 1),
  DEPOSIT_MAX_BAHT: intFrom(10_000, 1),
  ALLOWED_AMOUNTS: optionalString,
  COMMON_AMOUNTS: optionalString,
  LIMIT_ORDERS_PER_MINUTE: intFrom(3, 1),
  LIMIT_ORDERS_PER_DAY: intFrom(30, 1),
  LIMIT_BAHT_PER_DAY: intFrom(5000, 1),
  CONVERSATION_TTL_MINUTES: intFrom(15, 1),
  DRAFT_TTL_MINUTES: intFrom(10, 1),
  LOG_LEVEL: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      const level = v === undefined || v === '' ? 'info' : v.toLowerCase();
      if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(level)) {
        ctx.addIssue({ code: 'custom', message: `must be a pino level such as info or debug, got "${v}"` });
        return z.NEVER;
      }
      return level;
    }),
});

export type Settings = z.output<typeof schema>;

/** `AIS=1,DTAC=2,…` → codes; unknown networks are an error so typos do not pass silently. */
export function parseNetworkCodes(raw: string | undefined): Record<Network, number> {
  const codes = { ...DEFAULT_NETWORK_CODES };
  if (!raw?.trim()) return codes;
  for (const pair of raw.split(',')) {
    const [name, code] = pair.split('=').map((s) => s.trim());
    const network = name?.toUpperCase() as Network;
    if (!NETWORKS.includes(network) || !code || !/^\d+$/.test(code)) {
      throw new ConfigError('TOPUP_NETWORK_CODES', `expected NAME=code pairs like AIS=1, got "${pair}"`);
    }
    codes[network] = Number(code);
  }
  return codes;
}

/** `10,20,50,100` → sorted unique whole baht. */
export function parseAmountList(variable: string, raw: string | undefined, fallback: number[]): number[] {
  if (!raw?.trim()) return fallback;
  const amounts = raw.split(',').map((s) => s.trim());
  const bad = amounts.find((a) => !/^\d+$/.test(a) || Number(a) <= 0);
  if (bad !== undefined) throw new ConfigError(variable, `expected whole baht like 10,20,50, got "${bad}"`);
  return [...new Set(amounts.map(Number))].sort((a, b) => a - b);
}

export function parseUserIds(raw: string | undefined): string[] {
  if (!raw) return [];
  const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = ids.find((id) => !LINE_USER_ID.test(id));
  if (bad !== undefined) {
    throw new ConfigError('TRUSTED_USER_IDS', `expected LINE user ids (U followed by 32 hex digits), comma separated, got "${bad}"`);
  }
  return [...new Set(ids)];
}

/** `21:00` (default), `7:30` → `07:30`; `off` disables the summary. */
export function parseDailySummaryTime(raw: string | undefined): string | undefined {
  if (raw === undefined) return '21:00';
  if (raw.toLowerCase() === 'off') return undefined;
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!m) throw new ConfigError('DAILY_SUMMARY_TIME', `must be HH:MM (Asia/Bangkok) or off, got "${raw}"`);
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}
