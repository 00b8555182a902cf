/**
 * Typed, validated configuration: every variable of DESIGN §3, read once at startup.
 *
 * `loadConfig(env)` is pure (it takes the environment as an argument) so tests can build
 * configs without touching `process.env`. A `.env` file is read by `readEnv()`; real
 * environment variables win over it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { NETWORKS, type Network } from './networks.ts';
import { DEFAULT_NETWORK_CODES } from './provider/codes.ts';

/** A configuration problem a shop owner can act on: it names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

export const PAYMENT_MODES = ['open', 'wallet', 'trusted'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/** Credentials that production refuses to start without (DESIGN §3). */
const PRODUCTION_REQUIRED = [
  'LINE_CHANNEL_SECRET',
  'LINE_CHANNEL_ACCESS_TOKEN',
  'TOPUP_API_URL',
  'TOPUP_USERNAME',
  'TOPUP_PASSWORD',
  'TOPUP_CALLBACK_SECRET',
] as const;

/** Amounts (whole baht) a customer may choose, per network, unless overridden. */
const DEFAULT_AMOUNTS = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 150, 200, 300, 500, 800, 1000];

/** Amounts shown as quick replies: the ones people actually buy. */
const DEFAULT_COMMON_AMOUNTS = [20, 50, 100, 200, 300, 500];

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

/** `AIS=1,DTAC=2,…` → codes; unknown networks are an error so typos do not pass silently. */
function parseNetworkCodes(raw: string | undefined): Record<Network, number> {
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
function parseAmountList(variable: string, raw: string | undefined, fallback: number[]): number[] {
  if (!raw?.trim()) return fallback;
  const amounts = raw.split(',').map((s) => s.trim());
  const bad = amounts.find((a) => !/^\d+$/.test(a) || Number(a) <= 0);
  if (bad !== undefined) throw new ConfigError(variable, `expected whole baht like 10,20,50, got "${bad}"`);
  return [...new Set(amounts.map(Number))].sort((a, b) => a - b);
}

const schema = z.object({
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

export interface Config {
  env: 'production' | 'development' | 'test';
  /** No LINE credentials and no provider username: run everything in-process (DESIGN §3). */
  demo: boolean;
  port: number;
  logLevel: string;
  database: { url?: string; dataDir: string };
  line: {
    channelSecret: string;
    channelAccessToken: string;
    apiBaseUrl: string;
    dataApiBaseUrl: string;
  };
  provider: {
    /** Unset in demo mode: main.ts points it at the in-process simulator. */
    url?: string;
    username: string;
    password: string;
    callbackSecret: string;
    networkCodes: Record<Network, number>;
    timeoutMs: number;
    connectTimeoutMs: number;
  };
  /** Whole baht a customer may buy, per network, ascending. */
  allowedAmounts: Record<Network, number[]>;
  /** Whole baht offered as quick replies. */
  commonAmounts: number[];
  owner: {
    groupIds: string[];
    registerCode?: string;
    balanceAlertSatang: number;
    balanceCriticalSatang: number;
    /** How often one instance asks the provider for the balance / the network status. */
    balanceCheckIntervalMs: number;
    networkCheckIntervalMs: number;
    /** `HH:MM` in Asia/Bangkok; undefined = no daily summary (`DAILY_SUMMARY_TIME=off`). */
    dailySummaryTime?: string;
  };
  /**
   * `open`: anyone may order (payment outside the bot). `wallet`: customers pay from prepaid
   * credit. `trusted`: only allow-listed LINE users may order. Default: `wallet`, except in demo
   * mode (`open`, so the demo works without a deposit).
   */
  paymentMode: PaymentMode;
  payments: {
    /** Normalised digits: a 10-digit phone (0XXXXXXXXX) or a 13-digit national / tax id. */
    promptPayId?: string;
    /**
     * Where customers and LINE reach the bot (origin, optionally with a path prefix, no trailing
     * slash); deposit QR images and slip images are served under it. Unset outside production:
     * the bot's own local address is used.
     */
    publicUrl?: string;
    /** LINE user ids allowed to order in trusted mode (owners can add more by command). */
    trustedUserIds: string[];
    depositMinSatang: number;
    depositMaxSatang: number;
  };
  /** Per customer, against abuse and fat fingers. */
  limits: { ordersPerMinute: number; ordersPerDay: number; bahtPerDay: number };
  conversationTtlMs: number;
  draftTtlMs: number;
}

/** The group the /dev emulator's owners' view speaks in. */
export const DEMO_OWNER_GROUP_ID = 'Cdemo-owners';

/** Fixed, public values for demo mode: nothing here protects anything real. */
export const DEMO_CREDENTIALS = {
  channelSecret: 'demo-channel-secret',
  channelAccessToken: 'demo-channel-access-token',
  username: 'demo',
  password: 'demo',
  callbackSecret: 'demo-callback-secret',
} as const;

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? 'config'), issue.message);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production) {
    const missing = PRODUCTION_REQUIRED.find((name) => !e[name]);
    if (missing) throw new ConfigError(missing, 'is required when NODE_ENV=production');
  }
  const demo = !production && !e.LINE_CHANNEL_SECRET && !e.LINE_CHANNEL_ACCESS_TOKEN && !e.TOPUP_USERNAME;
  if (!demo && !production) {
    // A half-configured development setup would talk to real LINE or a real provider with
    // demo credentials; insist on the full set instead.
    const missing = PRODUCTION_REQUIRED.find((name) => !e[name]);
    if (missing) {
      throw new ConfigError(missing, 'is required once any LINE or provider credential is set (unset them all for demo mode)');
    }
  }

  const paymentMode: PaymentMode = e.PAYMENT_MODE ?? (demo ? 'open' : 'wallet');
  const promptPayId = e.PROMPTPAY_ID === undefined ? undefined : parsePromptPayId(e.PROMPTPAY_ID);
  const publicUrl = e.PUBLIC_URL === undefined ? undefined : e.PUBLIC_URL.replace(/\/+$/, '');
  if (production && paymentMode === 'wallet') {
    if (!promptPayId) {
      throw new ConfigError(
        'PROMPTPAY_ID',
        'is required when PAYMENT_MODE=wallet (the default): customers deposit credit by PromptPay to this phone number or national/tax id. Set it, or choose PAYMENT_MODE=open or trusted',
      );
    }
    if (!publicUrl) {
      throw new ConfigError('PUBLIC_URL', 'is required when PAYMENT_MODE=wallet: the https address of this bot (e.g. https://topup.example.com), where LINE fetches the deposit QR codes');
    }
    if (!publicUrl.startsWith('https://')) {
      throw new ConfigError('PUBLIC_URL', `must be an https address in production (LINE shows images only from https), got "${publicUrl}"`);
    }
  }
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

/**
 * A PromptPay id as shops write it (`081-234-5678`, `1 2345 67890 12 1`) → digits. A phone is 10
 * digits starting with 0; a national or tax id is 13 digits whose last digit checks the rest.
 */
export function parsePromptPayId(raw: string): string {
  const digits = raw.replace(/[\s-]/g, '');
  if (/^0\d{9}$/.test(digits)) return digits;
  if (/^\d{13}$/.test(digits)) {
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (13 - i);
    if ((11 - (sum % 11)) % 10 === Number(digits[12])) return digits;
    throw new ConfigError('PROMPTPAY_ID', `"${raw}" is not a valid 13-digit national or tax id (its check digit does not match)`);
  }
  throw new ConfigError('PROMPTPAY_ID', `must be a 10-digit mobile number (0812345678) or a 13-digit national/tax id, got "${raw}"`);
}

/** LINE user ids look like `U` and 32 hex digits; a typo here would lock out a member of staff. */
export const LINE_USER_ID = /^U[0-9a-f]{32}$/;

function parseUserIds(raw: string | undefined): string[] {
  if (!raw) return [];
  const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = ids.find((id) => !LINE_USER_ID.test(id));
  if (bad !== undefined) {
    throw new ConfigError('TRUSTED_USER_IDS', `expected LINE user ids (U followed by 32 hex digits), comma separated, got "${bad}"`);
  }
  return [...new Set(ids)];
}

/** `21:00` (default), `7:30` → `07:30`; `off` disables the summary. */
function parseDailySummaryTime(raw: string | undefined): string | undefined {
  if (raw === undefined) return '21:00';
  if (raw.toLowerCase() === 'off') return undefined;
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(raw);
  if (!m) throw new ConfigError('DAILY_SUMMARY_TIME', `must be HH:MM (Asia/Bangkok) or off, got "${raw}"`);
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** The SDK drops any path from its base URL (DESIGN §3), so keep only the origin. */
function stripPath(url: string): string {
  return new URL(url).origin;
}

/**
 * The process environment merged over `.env` (real variables win). A minimal parser:
 * `KEY=value`, optional quotes, `#` comments; enough for a shop's settings file.
 */
export function readEnv(path = '.env', env: NodeJS.ProcessEnv = process.env): Record<string, string | undefined> {
  const fromFile: Record<string, string> = {};
  if (existsSync(path)) {
    for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
      const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
      if (!match) continue;
      let value = match[2]!;
      const quoted = /^(['"])(.*)\1$/.exec(value);
      if (quoted) value = quoted[2]!;
      else value = value.replace(/\s+#.*$/, '');
      fromFile[match[1]!] = value;
    }
  }
  return { ...fromFile, ...env };
}

/** Values that must never reach a log line (pino `redact` paths are built from these). */
export function secretsOf(config: Config): string[] {
  return [
    config.line.channelSecret,
    config.line.channelAccessToken,
    config.provider.password,
    config.provider.callbackSecret,
    config.owner.registerCode ?? '',
  ].filter((s) => s.length >= 4 && !PUBLIC_DEMO_VALUES.has(s));
}

/** Demo credentials are public; scrubbing "demo" from every log line would only mangle them. */
const PUBLIC_DEMO_VALUES = new Set<string>(Object.values(DEMO_CREDENTIALS));
