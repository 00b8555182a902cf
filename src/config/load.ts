/**
 * Environment → typed `Config`. Pure: it takes the environment as an argument, so tests build
 * configs without touching `process.env`.
 */
import { NETWORKS, type Network } from '../networks.ts';
import { DEMO_CREDENTIALS, DEMO_OWNER_GROUP_ID } from './demo.ts';
import { ConfigError } from './errors.ts';
import { checkCredentials, checkProductionPayments } from './production.ts';
import { parsePromptPayId } from './promptpay-id.ts';
import { parseAmountList, parseDailySummaryTime, parseNetworkCodes, parseUserIds, schema } from './schema.ts';
import type { Config, PaymentMode } from './types.ts';

/** Amounts (whole baht) a customer may choose, per network, unless overridden. */
const DEFAULT_AMOUNTS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 150, 200, 300, 500, 800, 1000];

/** Amounts shown as quick replies: the ones people actually buy. */
const DEFAULT_COMMON_AMOUNTS = [20, 50, 100, 200, 300, 500];

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'config'), issue.message);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demo = !production && !e.LINE_CHANNEL_SECRET && !e.LINE_CHANNEL_ACCESS_TOKEN && !e.TOPUP_USERNAME;
  checkCredentials(e, { production, demo });

  const paymentMode: PaymentMode = e.PAYMENT_MODE ?? (demo ? 'open' : 'wallet');
  const promptPayId = e.PROMPTPAY_ID === undefined ? undefined : parsePromptPayId(e.PROMPTPAY_ID);
  const publicUrl = e.PUBLIC_URL === undefined ? undefined : e.PUBLIC_URL.replace(/\/+$/, '');
  if (production) checkProductionPayments(paymentMode, { promptPayId, publicUrl });
  const trustedUserIds = parseUserIds(e.TRUSTED_USER_IDS);
  if (e.DEPOSIT_MIN_BAHT > e.DEPOSIT_MAX_BAHT) {
    throw new ConfigError('DEPOSIT_MIN_BAHT', `must not exceed DEPOSIT_MAX_BAHT (${e.DEPOSIT_MAX_BAHT})`);
  }

  const allowed = parseAmountList('ALLOWED_AMOUNTS', e.ALLOWED_AMOUNTS, DEFAULT_AMOUNTS);
  const allowedAmounts = Object.fromEntries(
    NETWORKS.map((n) => [n, parseAmountList(`ALLOWED_AMOUNTS_${n}`, env[`ALLOWED_AMOUNTS_${n}`], allowed)]),
  ) as Record<Network, number[]>;

  const alertBaht = e.BALANCE_ALERT_THRESHOLD;
  let criticalBaht = Math.floor(alertBaht / 4);
  if (e.BALANCE_CRITICAL_THRESHOLD !== undefined) {
    if (!/^\d+$/.test(e.BALANCE_CRITICAL_THRESHOLD)) {
      throw new ConfigError('BALANCE_CRITICAL_THRESHOLD', `must be whole baht, got "${e.BALANCE_CRITICAL_THRESHOLD}"`);
    }
    criticalBaht = Number(e.BALANCE_CRITICAL_THRESHOLD);
  }
  if (criticalBaht > alertBaht) {
    throw new ConfigError('BALANCE_CRITICAL_THRESHOLD', `must not exceed BALANCE_ALERT_THRESHOLD (${alertBaht})`);
  }

  return {
    env: production ? 'production' : e.NODE_ENV === 'test' ? 'test' : 'development',
    demo,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    database: { url: e.DATABASE_URL, dataDir: e.DATA_DIR ?? './data' },
    line: {
      channelSecret: e.LINE_CHANNEL_SECRET ?? DEMO_CREDENTIALS.channelSecret,
      channelAccessToken: e.LINE_CHANNEL_ACCESS_TOKEN ?? DEMO_CREDENTIALS.channelAccessToken,
      apiBaseUrl: stripPath(e.LINE_API_BASE_URL ?? 'https://api.line.me'),
      dataApiBaseUrl: stripPath(e.LINE_DATA_API_BASE_URL ?? 'https://api-data.line.me'),
    },
    provider: {
      url: e.TOPUP_API_URL,
      username: e.TOPUP_USERNAME ?? DEMO_CREDENTIALS.username,
      password: e.TOPUP_PASSWORD ?? DEMO_CREDENTIALS.password,
      callbackSecret: e.TOPUP_CALLBACK_SECRET ?? DEMO_CREDENTIALS.callbackSecret,
      networkCodes: parseNetworkCodes(e.TOPUP_NETWORK_CODES),
      timeoutMs: e.TOPUP_TIMEOUT_MS,
      connectTimeoutMs: e.TOPUP_CONNECT_TIMEOUT_MS,
    },
    allowedAmounts,
    commonAmounts: parseAmountList('COMMON_AMOUNTS', e.COMMON_AMOUNTS, DEFAULT_COMMON_AMOUNTS),
    owner: {
      // The demo's owners' group (the /dev page's group view) is registered from the start.
      groupIds: (e.OWNER_GROUP_IDS ?? (demo ? DEMO_OWNER_GROUP_ID : '')).split(',').map((s) => s.trim()).filter(Boolean),
      registerCode: e.OWNER_REGISTER_CODE,
      balanceAlertSatang: alertBaht * 100,
      balanceCriticalSatang: criticalBaht * 100,
      // In the demo, the panel's balance and network switches should show in the group quickly.
      balanceCheckIntervalMs: (demo && !env.BALANCE_CHECK_INTERVAL_SECONDS ? 10 : e.BALANCE_CHECK_INTERVAL_SECONDS) * 1000,
      networkCheckIntervalMs: (demo && !env.NETWORK_CHECK_INTERVAL_SECONDS ? 10 : e.NETWORK_CHECK_INTERVAL_SECONDS) * 1000,
      dailySummaryTime: parseDailySummaryTime(e.DAILY_SUMMARY_TIME),
    },
    paymentMode,
    payments: {
      promptPayId,
      publicUrl,
      trustedUserIds,
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

/** The SDK drops any path from its base URL (DESIGN §3), so keep only the origin. */
function stripPath(url: string): string {
  return new URL(url).origin;
}
