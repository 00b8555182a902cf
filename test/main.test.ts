/**
 * `npm start` with a wrong configuration, as a shop owner meets it: a real process (src/main.ts)
 * that prints every problem at once and exits non-zero. Each runs in an empty directory with
 * nothing inherited from this environment, so no `.env` and no stray variable takes part.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const MAIN = join(ROOT, 'src/main.ts');
const cwd = mkdtempSync(join(tmpdir(), 'main-config-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const CREDENTIALS = {
  LINE_CHANNEL_SECRET: 'line-secret-value',
  LINE_CHANNEL_ACCESS_TOKEN: 'line-token-value',
  TOPUP_API_URL: 'https://provider.example/topup/api/v2.php',
  TOPUP_USERNAME: 'shop',
  TOPUP_PASSWORD: 'provider-password',
  TOPUP_CALLBACK_SECRET: 'callback-secret-value',
  PAYMENT_MODE: 'open',
};

function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN], {
      cwd,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: join(cwd, 'data'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm start with a wrong configuration', () => {
  it('NODE_ENV=production and nothing else: one error naming all six credentials', async () => {
    const { code, stdout, stderr } = await start({ NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('The bot cannot start: 8 settings need fixing (in .env or in the environment).');
    const named = lines.filter((l) => /^ {2}[A-Z_]+ {2,}/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    expect(named).toEqual([
      'LINE_CHANNEL_SECRET',
      'LINE_CHANNEL_ACCESS_TOKEN',
      'TOPUP_API_URL',
      'TOPUP_USERNAME',
      'TOPUP_PASSWORD',
      'TOPUP_CALLBACK_SECRET',
      'PROMPTPAY_ID',
      'PUBLIC_URL',
    ]);
    expect(lines.at(-1)).toBe('See .env.example and the configuration table in README.md.');
  });

  it('PORT=99999 and a timeout of 2³¹ ms: both named, with the range allowed', async () => {
    const { code, stderr } = await start({ PORT: '99999', TOPUP_TIMEOUT_MS: '2147483648' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^ {2}PORT +must be a whole number from 1 to 65535, got "99999"$/m);
    expect(stderr).toMatch(/^ {2}TOPUP_TIMEOUT_MS +must be a whole number from 100 to 86400000 ms \(one day\), got "2147483648"$/m);
    expect(stderr).not.toContain('RangeError');
  });

  it('production with short secrets: both named, and neither value printed', async () => {
    const { code, stderr } = await start({ NODE_ENV: 'Production', ...CREDENTIALS, TOPUP_CALLBACK_SECRET: 'xq', OWNER_REGISTER_CODE: '4821' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^ {2}TOPUP_CALLBACK_SECRET +is 2 characters long; production needs at least 16$/m);
    expect(stderr).toMatch(/^ {2}OWNER_REGISTER_CODE +is 4 characters long; production needs at least 12$/m);
    expect(stderr).not.toContain('4821');
  });
});
