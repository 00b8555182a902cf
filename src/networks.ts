/**
 * The mobile networks the TOPUP API v2 can refill. A leaf module with no imports, shared by the
 * NLU (which recognises them in text), the provider (which maps them to codes) and config.
 */
export const NETWORKS = ['AIS', 'DTAC', 'TRUE', 'TOT', 'MY', 'FEELS', 'PENGUIN'] as const;
export type Network = (typeof NETWORKS)[number];

export function isNetwork(value: unknown): value is Network {
  return typeof value === 'string' && (NETWORKS as readonly string[]).includes(value);
}
