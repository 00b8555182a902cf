/** The provider module's public surface. It imports nothing of ours except src/networks.ts. */
export {
  createProviderClient,
  orderState,
  type ProviderClient,
  type ProviderClientOptions,
  type ProviderOrderState,
  type RefillRequest,
  type RefillResult,
  type UpdateResult,
} from './client.ts';
export {
  ProviderAmbiguous,
  ProviderError,
  ProviderRejected,
  ProviderUnreachable,
  type ProviderCall,
  type ProviderErrorOptions,
  type ProviderFailureReason,
} from './errors.ts';
export { DEFAULT_NETWORK_CODES } from './codes.ts';
export { MoneyFormatError, formatSatang, parseSatang } from './money.ts';
export { parseProviderCallback, type ProviderCallback } from './callback.ts';
export { decodeBody, encodeWindows874 } from './charset.ts';
export { parseTopup, TopupXmlError, type TopupFields } from './xml.ts';
