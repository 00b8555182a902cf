import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, readEnv } from '../../src/config.ts';
import { VARIABLES } from '../../src/config/schema.ts';

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

describe('.env.example', () => {
  const root = join(import.meta.dirname, '../..');
  const example = join(root, '.env.example');

  it('copied as it is, starts the demo', () => {
    expect(loadConfig(readEnv(example, {}))).toMatchObject({ demo: true, port: 3000 });
  });

  it('and README\'s configuration table name every variable', () => {
    const exampleText = readFileSync(example, 'utf8');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const variable of VARIABLES) {
      expect(exampleText, variable).toMatch(new RegExp(`^${variable}=`, 'm'));
      expect(readme, variable).toMatch(new RegExp(`^\\| [^|]*\`${variable}\``, 'm'));
    }
  });
});
