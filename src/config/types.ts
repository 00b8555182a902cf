/** The typed configuration every module reads; built once at startup by `loadConfig`. */
import type { Network } from '../networks.ts';

export const PAYMENT_MODES = ['open', 'wallet', 'trusted'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/**
 * Who may read `GET /metrics`: anyone, whoever sends `Authorization: Bearer <token>`, or nobody
 * (the route answers 404 as if it did not exist).
 */
export type MetricsAccess = { kind: 'open' } | { kind: 'token'; token: string } | { kind: 'hidden' };

export interface Config {
  env: 'production' | 'development' | 'test';
  /** No LINE credentials and no provider username: run everything in-process (DESIGN §3). */
  demo: boolean;
  port: number;
  logLevel: string;
  metrics: MetricsAccess;
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
