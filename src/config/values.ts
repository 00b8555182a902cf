/** Parsers for the settings that are more than one word or number: lists, codes, times. */
import { LINE_USER_ID } from '../line-ids.ts';
import { DEFAULT_NETWORK_CODES, NETWORKS, type Network } from '../networks.ts';
import { InvalidValue } from './errors.ts';
import { commaList, type Parse } from './fields.ts';

/** No phone top-up costs more than this; a bigger "amount" is a typo. */
export const MAX_TOPUP_BAHT = 10_000;
const MAX_NETWORK_CODE = 999;

/** `AIS=1,DTAC=2,…` over the defaults; unknown networks are an error so typos do not pass silently. */
export const networkCodes: Parse<Record<Network, number>> = (value) => {
  const codes = { ...DEFAULT_NETWORK_CODES };
  for (const pair of value.split(',')) {
    const [name, code] = pair.split('=').map((s) => s.trim());
    const network = name?.toUpperCase() as Network;
    if (!NETWORKS.includes(network) || !code || !/^\d+$/.test(code) || Number(code) < 1 || Number(code) > MAX_NETWORK_CODE) {
      throw new InvalidValue(`must be NAME=code pairs like AIS=1,DTAC=2 (names: ${NETWORKS.join(', ')}; codes 1 to ${MAX_NETWORK_CODE}), got "${pair.trim()}"`);
    }
    codes[network] = Number(code);
  }
  return codes;
};

/** `10,20,50,100` → sorted unique whole baht. */
export const amountList: Parse<number[]> = (value) => {
  const amounts = commaList((a) => {
    if (!/^\d+$/.test(a) || Number(a) < 1 || Number(a) > MAX_TOPUP_BAHT) {
      throw new InvalidValue(`must be whole baht from 1 to ${MAX_TOPUP_BAHT}, comma separated (10,20,50), got "${a}"`);
    }
    return Number(a);
  })(value);
  if (amounts.length === 0) throw new InvalidValue(`must list at least one amount, got "${value}"`);
  return [...new Set(amounts)].sort((a, b) => a - b);
};

/** LINE user ids, comma separated, without repeats. */
export const userIds: Parse<string[]> = (value) => {
  const ids = commaList((id) => {
    if (!LINE_USER_ID.test(id)) throw new InvalidValue(`must be LINE user ids (U followed by 32 hex digits), comma separated, got "${id}"`);
    return id;
  })(value);
  return [...new Set(ids)];
};

/**
 * LINE group ids (they start with `C`), comma separated, without repeats. A room (`R…`) or a
 * user (`U…`) is refused by name: neither can be an owners' group (DESIGN §3).
 */
export const groupIds: Parse<string[]> = (value) => {
  const ids = commaList((id) => {
    if (!id.startsWith('C')) {
      const what = id.startsWith('R') ? 'a room, not a group' : id.startsWith('U') ? 'a user, not a group' : 'not a LINE group id';
      throw new InvalidValue(`must be LINE group ids (they start with C), comma separated; "${id}" is ${what}`);
    }
    return id;
  })(value);
  return [...new Set(ids)];
};

/** `21:00`, `7:30` → `07:30`; `off` → null (no summary). */
export const dailyTime: Parse<string | null> = (value) => {
  if (value.toLowerCase() === 'off') return null;
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!m) throw new InvalidValue(`must be HH:MM (Asia/Bangkok) or off, got "${value}"`);
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
};

/**
 * The callback secret is the last segment of the URL the provider calls: a `/`, `?` or `#` in
 * it would make every callback miss the route. Its value is never repeated in the message.
 */
export const urlSegmentSecret: Parse<string> = (value) => {
  if (!/^[A-Za-z0-9._~-]+$/.test(value)) throw new InvalidValue('may contain only letters, digits and - _ . ~ (it is part of the callback URL)');
  return value;
};
