import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('runs in demo mode with nothing configured', () => {
    const config = loadConfig({});
    expect(config.demo).toBe(true);
    expect(config.port).toBe(3000);
    expect(config.database.url).toBeUndefined();
  });

  it('refuses nonsense with a message that names the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ ALLOWED_AMOUNTS: '10,ห้าสิบ' })).toThrow(/ALLOWED_AMOUNTS/);
    expect(() => loadConfig({ TOPUP_NETWORK_CODES: 'NOKIA=9' })).toThrow(/TOPUP_NETWORK_CODES/);
  });

  it('keeps only the origin of the LINE API URL', () => {
    expect(loadConfig({ LINE_API_BASE_URL: 'http://127.0.0.1:4000' }).line.apiBaseUrl).toBe('http://127.0.0.1:4000');
  });
});
