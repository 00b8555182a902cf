import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

/** The message for `variable`, or undefined when the environment has no problem with it. */
function problemWith(env: Record<string, string>, variable: string): string | undefined {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.find((p) => p.variable === variable)?.message;
    throw error;
  }
  return undefined;
}

/** Every numeric variable and the range it accepts (README's configuration table says the same). */
const RANGES: [variable: string, min: number, max: number][] = [
  ['PORT', 1, 65_535],
  ['TOPUP_TIMEOUT_MS', 100, 86_400_000],
  ['TOPUP_CONNECT_TIMEOUT_MS', 100, 86_400_000],
  ['DEPOSIT_MIN_BAHT', 1, 1_000_000],
  ['DEPOSIT_MAX_BAHT', 1, 1_000_000],
  ['LIMIT_ORDERS_PER_MINUTE', 1, 1_000],
  ['LIMIT_ORDERS_PER_DAY', 1, 100_000],
  ['LIMIT_BAHT_PER_DAY', 1, 10_000_000],
  ['CONVERSATION_TTL_MINUTES', 1, 1_440],
  ['DRAFT_TTL_MINUTES', 1, 1_440],
  ['BALANCE_ALERT_THRESHOLD', 0, 10_000_000],
  ['BALANCE_CRITICAL_THRESHOLD', 0, 10_000_000],
  ['BALANCE_CHECK_INTERVAL_SECONDS', 1, 86_400],
  ['NETWORK_CHECK_INTERVAL_SECONDS', 1, 86_400],
];

/** Partners set wide so a value at either end of its range breaks no min ≤ max rule. */
const WIDE = { DEPOSIT_MIN_BAHT: '1', DEPOSIT_MAX_BAHT: '1000000', BALANCE_ALERT_THRESHOLD: '10000000', BALANCE_CRITICAL_THRESHOLD: '0' };

describe('numbers', () => {
  it.each(RANGES)('%s accepts %i to %i and nothing else', (variable, min, max) => {
    expect(problemWith({ ...WIDE, [variable]: String(min) }, variable)).toBeUndefined();
    expect(problemWith({ ...WIDE, [variable]: String(max) }, variable)).toBeUndefined();
    const refused = [String(max + 1), '-1', '2.5', '1e3', 'ten', ...(min > 0 ? [String(min - 1)] : [])];
    for (const value of refused) {
      expect(problemWith({ ...WIDE, [variable]: value }, variable)).toBe(`must be a whole number from ${min} to ${max}${unitOf(variable)}, got "${value}"`);
    }
  });

  it('refuses a timeout Node could not keep (over 2³¹−1 ms fires at once)', () => {
    expect(problemWith({ TOPUP_TIMEOUT_MS: '2147483648' }, 'TOPUP_TIMEOUT_MS')).toMatch(/from 100 to 86400000 ms \(one day\)/);
    expect(loadConfig({ TOPUP_TIMEOUT_MS: '86400000' }).provider.timeoutMs).toBe(86_400_000);
  });

  it('turns seconds and minutes into milliseconds', () => {
    const config = loadConfig({ NETWORK_CHECK_INTERVAL_SECONDS: '86400', DRAFT_TTL_MINUTES: '1440' });
    expect(config.owner.networkCheckIntervalMs).toBe(86_400_000);
    expect(config.draftTtlMs).toBe(86_400_000);
  });
});

describe('lists and words', () => {
  it('amounts are whole baht from 1 to 10000', () => {
    expect(loadConfig({ ALLOWED_AMOUNTS: '10000, 10 ,10' }).allowedAmounts.AIS).toEqual([10, 10_000]);
    expect(problemWith({ ALLOWED_AMOUNTS: '10,10001' }, 'ALLOWED_AMOUNTS')).toMatch(/from 1 to 10000.*got "10001"/);
    expect(problemWith({ COMMON_AMOUNTS: '0,50' }, 'COMMON_AMOUNTS')).toMatch(/got "0"/);
    expect(problemWith({ ALLOWED_AMOUNTS_DTAC: ',' }, 'ALLOWED_AMOUNTS_DTAC')).toMatch(/at least one amount/);
  });

  it('network codes are NAME=code with codes 1 to 999', () => {
    expect(loadConfig({ TOPUP_NETWORK_CODES: 'ais=11' }).provider.networkCodes).toMatchObject({ AIS: 11, DTAC: 2 });
    expect(problemWith({ TOPUP_NETWORK_CODES: 'AIS=1,DTAC=0' }, 'TOPUP_NETWORK_CODES')).toMatch(/codes 1 to 999\), got "DTAC=0"/);
    expect(problemWith({ TOPUP_NETWORK_CODES: 'AIS=1000' }, 'TOPUP_NETWORK_CODES')).toMatch(/got "AIS=1000"/);
  });

  it('the callback secret must fit in a URL path, and the message does not repeat it', () => {
    expect(loadConfig({ TOPUP_CALLBACK_SECRET: 'Ab-_.~9' }).provider.callbackSecret).toBe('Ab-_.~9');
    const problem = problemWith({ TOPUP_CALLBACK_SECRET: 'top/secret?x' }, 'TOPUP_CALLBACK_SECRET');
    expect(problem).toMatch(/only letters, digits and - _ \. ~/);
    expect(problem).not.toContain('top/secret');
  });

  it('LOG_LEVEL and PAYMENT_MODE name what they accept', () => {
    expect(problemWith({ LOG_LEVEL: 'loud' }, 'LOG_LEVEL')).toBe('must be one of fatal, error, warn, info, debug, trace, silent, got "loud"');
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(problemWith({ PAYMENT_MODE: 'free' }, 'PAYMENT_MODE')).toBe('must be one of open, wallet, trusted, got "free"');
  });
});

function unitOf(variable: string): string {
  if (variable.endsWith('_MS')) return ' ms (one day)';
  if (variable.endsWith('_SECONDS')) return ' seconds (one day)';
  if (variable.endsWith('_MINUTES')) return ' minutes (one day)';
  if (/BAHT|THRESHOLD/.test(variable)) return ' baht';
  return '';
}
