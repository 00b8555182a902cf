import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'env-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function envFile(text: string): string {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.env`);
  writeFileSync(path, text);
  return path;
}

describe('.env', () => {
  it('reads a shop\'s settings file: comments, quotes, export, blank values', () => {
    const path = envFile(
      [
        '# the shop',
        'PORT=3001',
        'export TOPUP_USERNAME=shop',
        'TOPUP_PASSWORD="pa ss # not a comment"',
        "OWNER_REGISTER_CODE='ร้านสมชาย-2024'",
        'PUBLIC_URL=https://topup.example.com # where LINE finds us',
        'DATABASE_URL=',
        'TOPUP_API_URL=https://p.example/v2.php\r',
      ].join('\n'),
    );
    expect(readEnv(path, {})).toEqual({
      PORT: '3001',
      TOPUP_USERNAME: 'shop',
      TOPUP_PASSWORD: 'pa ss # not a comment',
      OWNER_REGISTER_CODE: 'ร้านสมชาย-2024',
      PUBLIC_URL: 'https://topup.example.com',
      DATABASE_URL: '',
      TOPUP_API_URL: 'https://p.example/v2.php',
    });
  });

  it('real environment variables win over the file', () => {
    const path = envFile('PORT=3001\nLOG_LEVEL=debug\n');
    expect(readEnv(path, { PORT: '4000' })).toMatchObject({ PORT: '4000', LOG_LEVEL: 'debug' });
  });

  it('no file: just the environment', () => {
    expect(readEnv(join(dir, 'missing.env'), { PORT: '4000' })).toEqual({ PORT: '4000' });
  });
});
