/**
 * The mobile networks the TOPUP API v2 can refill. A leaf module with no imports, shared by the
 * NLU (which recognises them in text), the provider (which maps them to codes) and config.
 */
export const NETWORKS = ['AIS', 'DTAC', 'TRUE', 'TOT', 'MY', 'FEELS', 'PENGUIN'] as const;
export type Network = (typeof NETWORKS)[number];

export function isNetwork(value: unknown): value is Network {
  return typeof value === 'string' && (NETWORKS as readonly string[]).includes(value);
}

/**
 * The provider's network codes as documented today. They have changed over the years, so the
 * client takes the table from config (TOPUP_NETWORK_CODES); this is what config falls back to.
 */
export const DEFAULT_NETWORK_CODES: Readonly<Record<Network, number>> = Object.freeze({
  AIS: 1,
  DTAC: 2,
  TRUE: 3,
  TOT: 4,
  MY: 5,
  FEELS: 6,
  PENGUIN: 7,
});
