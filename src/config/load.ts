/**
 * Environment → typed `Config`. Pure: it takes the environment as an argument, so tests build
 * configs without touching `process.env`. Every problem found is thrown together in one
 * `ConfigError`, one line per variable.
 */
import { DEFAULT_NETWORK_CODES, NETWORKS, type Network } from '../networks.ts';
import { DEMO_CREDENTIALS, DEMO_OWNER_GROUP_ID } from './demo.ts';
import { Problems } from './errors.ts';
import { checkRequirements } from './production.ts';
import { readSettings, type Settings } from './schema.ts';
import type { Config, MetricsAccess, PaymentMode } from './types.ts';

/** Amounts (whole baht) a customer may choose, per network, unless overridden. */
const DEFAULT_AMOUNTS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 150, 200, 300, 500, 800, 1000];

/** Amounts shown as quick replies: the ones people actually buy. */
const DEFAULT_COMMON_AMOUNTS = [20, 50, 100, 200, 300, 500];

export function loadConfig(env: Record<string, string | undefined>): Config {
  const problems = new Problems();
  const read = readSettings(env, problems);
  // NODE_ENV is compared without case (`Production` is production); anything else is refused.
  const production = read.NODE_ENV === 'production';
  const demo = !production && !read.LINE_CHANNEL_SECRET && !read.LINE_CHANNEL_ACCESS_TOKEN && !read.TOPUP_USERNAME;
  const paymentMode: PaymentMode = read.PAYMENT_MODE ?? (demo ? 'open' : 'wallet');
  checkRequirements(env, read, { production, demo, paymentMode }, problems);
  checkRelations(read, problems);
  problems.throwIfAny();
  // Nothing was reported, so every variable was read.
  const e = read as Settings;

  const allowed = e.ALLOWED_AMOUNTS ?? DEFAULT_AMOUNTS;
  const allowedAmounts = Object.fromEntries(NETWORKS.map((n) => [n, e[`ALLOWED_AMOUNTS_${n}`] ?? allowed])) as Record<Network, number[]>;
  // In the demo, the panel's balance and network switches should show in the group quickly.
  const seconds = (value: number | undefined, fallback: number) => (value ?? (demo ? 10 : fallback)) * 1000;

  return {
    env: production ? 'production' : e.NODE_ENV === 'test' ? 'test' : 'development',
    demo,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    metrics: metricsAccess(e.METRICS_TOKEN, production),
    database: { url: e.DATABASE_URL, dataDir: e.DATA_DIR ?? './data' },
    line: {
      channelSecret: e.LINE_CHANNEL_SECRET ?? DEMO_CREDENTIALS.channelSecret,
      channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN ?? DEMO_CREDENTIALS.channelAccessToken,
      apiBaseUrl: origin(e.LINE_API_BASE_URL ?? 'https://api.line.me'),
      dataApiBaseUrl: origin(e.LINE_DATA_API_BASE_URL ?? 'https://api-data.line.me'),
    },
    provider: {
      url: e.TOPUP_API_URL,
      username: e.TOPUP_USERNAME ?? DEMO_CREDENTIALS.username,
      password: e.TOPUP_PASSWORD ?? DEMO_CREDENTIALS.password,
      callbackSecret: e.TOPUP_CALLBACK_SECRET ?? DEMO_CREDENTIALS.callbackSecret,
      networkCodes: e.TOPUP_NETWORK_CODES ?? { ...DEFAULT_NETWORK_CODES },
      timeoutMs: e.TOPUP_TIMEOUT_MS,
      connectTimeoutMs: e.TOPUP_CONNECT_TIMEOUT_MS,
    },
    allowedAmounts,
    commonAmounts: e.COMMON_AMOUNTS ?? DEFAULT_COMMON_AMOUNTS,
    owner: {
      // The demo's owners' group (the /dev page's group view) is registered from the start.
      groupIds: e.OWNER_GROUP_IDS ?? (demo ? [DEMO_OWNER_GROUP_ID] : []),
      registerCode: e.OWNER_REGISTER_CODE,
      balanceAlertSatang: e.BALANCE_ALERT_THRESHOLD * 100,
      balanceCriticalSatang: (e.BALANCE_CRITICAL_THRESHOLD ?? Math.floor(e.BALANCE_ALERT_THRESHOLD / 4)) * 100,
      balanceCheckIntervalMs: seconds(e.BALANCE_CHECK_INTERVAL_SECONDS, 300),
      networkCheckIntervalMs: seconds(e.NETWORK_CHECK_INTERVAL_SECONDS, 60),
      dailySummaryTime: e.DAILY_SUMMARY_TIME ?? undefined,
    },
    paymentMode,
    payments: {
      promptPayId: e.PROMPTPAY_ID,
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
      trustedUserIds: e.TRUSTED_USER_IDS ?? [],
      depositMinSatang: e.DEPOSIT_MIN_BAHT * 100,
      depositMaxSatang: e.DEPOSIT_MAX_BAHT * 100,
    },
    limits: {
      ordersPerMinute: e.LIMIT_ORDERS_PER_MINUTE,
      ordersPerDay: e.LIMIT_ORDERS_PER_DAY,
      bahtPerDay: e.LIMIT_BAHT_PER_DAY,
    },
    conversationTtlMs: e.CONVERSATION_TTL_MINUTES * 60_000,
    draftTtlMs: e.DRAFT_TTL_MINUTES * 60_000,
  };
}

/** Settings that are fine alone but not together (checked only when both could be read). */
function checkRelations(e: Partial<Settings>, problems: Problems): void {
  if (e.DEPOSIT_MIN_BAHT !== undefined && e.DEPOSIT_MAX_BAHT !== undefined && e.DEPOSIT_MIN_BAHT > e.DEPOSIT_MAX_BAHT) {
    problems.add('DEPOSIT_MIN_BAHT', `must not exceed DEPOSIT_MAX_BAHT (${e.DEPOSIT_MAX_BAHT})`);
  }
  if (e.BALANCE_CRITICAL_THRESHOLD !== undefined && e.BALANCE_ALERT_THRESHOLD !== undefined && e.BALANCE_CRITICAL_THRESHOLD > e.BALANCE_ALERT_THRESHOLD) {
    problems.add('BALANCE_CRITICAL_THRESHOLD', `must not exceed BALANCE_ALERT_THRESHOLD (${e.BALANCE_ALERT_THRESHOLD})`);
  }
}

/**
 * DESIGN §3 Metrics: in production only a bearer of METRICS_TOKEN reads /metrics, and without a
 * token nobody does (404). Elsewhere (demo, development, tests) it is open, so the demo and local
 * runs can be watched without setup; but once a token is set it is required in every mode, so
 * a server that forgot NODE_ENV=production is still protected by the token its operator chose.
 */
function metricsAccess(token: string | undefined, production: boolean): MetricsAccess {
  if (token) return { kind: 'token', token };
  return production ? { kind: 'hidden' } : { kind: 'open' };
}

/** The SDK drops any path from its base URL (DESIGN §3), so keep only the origin. */
function origin(url: string): string {
  return new URL(url).origin;
}
