import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';

function logLines(secrets: string[], write: (logger: ReturnType<typeof createLogger>) => void): string[] {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
  write(createLogger({ level: 'info', secrets, destination: sink }));
  return lines;
}

describe('log scrubbing', () => {
  it('a long secret is scrubbed wherever it is, even inside other text or escaped by JSON', () => {
    const [line] = logLines(['s3cr3t-"token"'], (logger) => logger.error({ err: new Error('bad token xs3cr3t-"token"y') }, 'failed'));
    expect(line).not.toContain('s3cr3t');
    expect(JSON.parse(line!).err.message).toBe('bad token x[redacted]y');
  });

  it('a short secret is scrubbed where it stands alone in a value, never inside words, keys or numbers', () => {
    const lines = logLines(['ab', '1234', 'msg'], (logger) => {
      logger.info({ url: '/topup/callback/ab', about: 'tab abc', n: 1234 }, 'code 1234 and ab');
      logger.info('msg about 12345');
    });
    const [first, second] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(first).toMatchObject({ url: '/topup/callback/[redacted]', about: 'tab abc', n: 1234, msg: 'code [redacted] and [redacted]' });
    expect(typeof first!.time).toBe('number');
    expect(second).toMatchObject({ msg: '[redacted] about 12345' });
  });

  it('Thai secrets and text keep their words whole', () => {
    const [line] = logLines(['กข'], (logger) => logger.info({ code: 'กข', word: 'กขา' }, 'รหัส กข'));
    expect(JSON.parse(line!)).toMatchObject({ code: '[redacted]', word: 'กขา', msg: 'รหัส [redacted]' });
  });
});
