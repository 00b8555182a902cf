/**
 * Every environment variable, as zod reads it: one line each, with what it accepts and its
 * default. README's configuration table lists the same ranges.
 *
 * Each variable is read on its own (`readSettings`), so one wrong value does not hide the
 * next: the owner gets every problem in one error.
 */
import { z } from 'zod';
import { NETWORKS, type Network } from '../networks.ts';
import type { Problems } from './errors.ts';
import { httpUrl, oneOf, optional, text, wholeNumber, withDefault } from './fields.ts';
import { parsePromptPayId } from './promptpay-id.ts';
import { PAYMENT_MODES } from './types.ts';
import { amountList, dailyTime, groupIds, networkCodes, urlSegmentSecret, userIds } from './values.ts';

const ONE_DAY_MS = 86_400_000;
const ONE_DAY_S = 86_400;
const ONE_DAY_MIN = 1_440;
/** Baht: far above any shop's balance or a customer's day, far below where satang overflow. */
const BAHT_CEILING = 10_000_000;

const fields = {
  NODE_ENV: optional(oneOf(['production', 'development', 'test'])),
  PORT: withDefault(wholeNumber(1, 65_535), 3000),
  LOG_LEVEL: withDefault(oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  DATABASE_URL: optional(text),
  DATA_DIR: optional(text),
  METRICS_TOKEN: optional(text),

  LINE_CHANNEL_SECRET: optional(text),
  LINE_CHANNEL_ACCESS_TOKEN: optional(text),
  LINE_API_BASE_URL: optional(httpUrl),
  LINE_DATA_API_BASE_URL: optional(httpUrl),

  TOPUP_API_URL: optional(httpUrl),
  TOPUP_USERNAME: optional(text),
  TOPUP_PASSWORD: optional(text),
  TOPUP_CALLBACK_SECRET: optional(urlSegmentSecret),
  TOPUP_NETWORK_CODES: optional(networkCodes),
  TOPUP_TIMEOUT_MS: withDefault(wholeNumber(100, ONE_DAY_MS, 'ms (one day)'), 30_000),
  TOPUP_CONNECT_TIMEOUT_MS: withDefault(wholeNumber(100, ONE_DAY_MS, 'ms (one day)'), 5_000),

  ALLOWED_AMOUNTS: optional(amountList),
  COMMON_AMOUNTS: optional(amountList),

  PAYMENT_MODE: optional(oneOf(PAYMENT_MODES)),
  PROMPTPAY_ID: optional(parsePromptPayId),
  PUBLIC_URL: optional(httpUrl),
  TRUSTED_USER_IDS: optional(userIds),
  DEPOSIT_MIN_BAHT: withDefault(wholeNumber(1, 1_000_000, 'baht'), 20),
  DEPOSIT_MAX_BAHT: withDefault(wholeNumber(1, 1_000_000, 'baht'), 10_000),

  LIMIT_ORDERS_PER_MINUTE: withDefault(wholeNumber(1, 1_000), 3),
  LIMIT_ORDERS_PER_DAY: withDefault(wholeNumber(1, 100_000), 30),
  LIMIT_BAHT_PER_DAY: withDefault(wholeNumber(1, BAHT_CEILING, 'baht'), 5000),
  CONVERSATION_TTL_MINUTES: withDefault(wholeNumber(1, ONE_DAY_MIN, 'minutes (one day)'), 15),
  DRAFT_TTL_MINUTES: withDefault(wholeNumber(1, ONE_DAY_MIN, 'minutes (one day)'), 10),

  OWNER_GROUP_IDS: optional(groupIds),
  OWNER_REGISTER_CODE: optional(text),
  BALANCE_ALERT_THRESHOLD: withDefault(wholeNumber(0, BAHT_CEILING, 'baht'), 500),
  /** Default: a quarter of the alert threshold (load.ts). */
  BALANCE_CRITICAL_THRESHOLD: optional(wholeNumber(0, BAHT_CEILING, 'baht')),
  /** Default: 300 / 60, or 10 in demo mode so the panel's switches show quickly (load.ts). */
  BALANCE_CHECK_INTERVAL_SECONDS: optional(wholeNumber(1, ONE_DAY_S, 'seconds (one day)')),
  NETWORK_CHECK_INTERVAL_SECONDS: optional(wholeNumber(1, ONE_DAY_S, 'seconds (one day)')),
  DAILY_SUMMARY_TIME: withDefault(dailyTime, '21:00'),
};

/** `ALLOWED_AMOUNTS_TRUE=…` etc.: one network's amounts instead of ALLOWED_AMOUNTS. */
type NetworkAmountsVariable = `ALLOWED_AMOUNTS_${Network}`;
const networkAmountFields = Object.fromEntries(NETWORKS.map((n) => [`ALLOWED_AMOUNTS_${n}`, optional(amountList)])) as Record<
  NetworkAmountsVariable,
  ReturnType<typeof optional<number[]>>
>;

const schema = z.object({ ...fields, ...networkAmountFields });
export type Settings = z.output<typeof schema>;

/** Every variable read, apart from the per-network amount lists (README and .env.example list these). */
export const VARIABLES = Object.keys(fields);

/**
 * Reads every variable on its own. Variables that fail are reported to `problems` and left
 * out of the result, so later checks can still look at the ones that were read.
 */
export function readSettings(env: Record<string, string | undefined>, problems: Problems): Partial<Settings> {
  const settings: Record<string, unknown> = {};
  for (const [variable, field] of Object.entries(schema.shape)) {
    const result = field.safeParse(env[variable]);
    if (result.success) settings[variable] = result.data;
    else for (const issue of result.error.issues) problems.add(variable, issue.message);
  }
  return settings as Partial<Settings>;
}
