import type { Network } from '../networks.ts';

/**
 * The provider's network codes as documented today. They have changed over the years, so the
 * client takes the table from config; this is the default that config falls back to.
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
