import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const owner = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }).owner;

describe('owner settings', () => {
  it('defaults: summary at 21:00, balance every 5 minutes, networks every minute', () => {
    const configured = { LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't', TOPUP_API_URL: 'https://p.example/v2.php', TOPUP_USERNAME: 'u', TOPUP_PASSWORD: 'p', TOPUP_CALLBACK_SECRET: 'c' };
    expect(owner(configured)).toMatchObject({ dailySummaryTime: '21:00', balanceCheckIntervalMs: 300_000, networkCheckIntervalMs: 60_000 });
  });

  it('the demo checks every 10 seconds, so the panel\'s switches show up quickly', () => {
    expect(owner({})).toMatchObject({ balanceCheckIntervalMs: 10_000, networkCheckIntervalMs: 10_000, groupIds: ['Cdemo-owners'] });
  });

  it('reads DAILY_SUMMARY_TIME as HH:MM or off', () => {
    expect(owner({ DAILY_SUMMARY_TIME: '7:30' }).dailySummaryTime).toBe('07:30');
    expect(owner({ DAILY_SUMMARY_TIME: 'off' }).dailySummaryTime).toBeUndefined();
    expect(() => owner({ DAILY_SUMMARY_TIME: '25:00' })).toThrow(ConfigError);
    expect(() => owner({ DAILY_SUMMARY_TIME: '9pm' })).toThrow(/DAILY_SUMMARY_TIME/);
  });

  it('reads the poll intervals in seconds', () => {
    expect(owner({ BALANCE_CHECK_INTERVAL_SECONDS: '120', NETWORK_CHECK_INTERVAL_SECONDS: '30' })).toMatchObject({
      balanceCheckIntervalMs: 120_000,
      networkCheckIntervalMs: 30_000,
    });
    expect(() => owner({ NETWORK_CHECK_INTERVAL_SECONDS: '0' })).toThrow(/NETWORK_CHECK_INTERVAL_SECONDS/);
  });

  it('reads OWNER_GROUP_IDS as group ids; a room or a user id is refused by name', () => {
    expect(owner({ OWNER_GROUP_IDS: ' Cabc , Cdef,Cabc' }).groupIds).toEqual(['Cabc', 'Cdef']);
    expect(() => owner({ OWNER_GROUP_IDS: 'Cabc,R0123' })).toThrow(/OWNER_GROUP_IDS.*"R0123" is a room, not a group/);
    expect(() => owner({ OWNER_GROUP_IDS: 'U0123' })).toThrow(/"U0123" is a user, not a group/);
  });
});
