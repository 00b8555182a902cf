import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the CLI once (spawning tsx is slow) and returns its stdout lines. */
function runCli(input: string): Promise<{ lines: string[]; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/nlu/cli.ts'], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ lines: out.split('\n').slice(0, -1), code, stderr: err }));
    child.stdin.end(input);
  });
}

describe('nlu CLI (DESIGN §3)', () => {
  it('answers one JSON line per input line, in order, for a large stream', async () => {
    const messages = [
      'เติม 50 ให้ 0812345678 ทรู ครับ',
      '',
      'ไม่ต้องเติมแล้ว',
      '0812345678 0898765432',
      'ais หรือ ทรู',
      'ร้อยห้า',
      'เติมเงิน ๕๐ บาท เบอร์ ๐๘๑๒๓๔๕๖๗๘\r',
      'เช็คสถานะ',
      'เช็คยอด',
      'วิธีใช้',
      '021234567',
      'สวัสดีค่ะ',
    ];
    const bulk = Array.from({ length: 3000 }, (_, i) => `เติม ${10 + (i % 400)} ทรู 0812345678`);
    const { lines, code, stderr } = await runCli([...messages, ...bulk].join('\n') + '\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines).toHaveLength(messages.length + bulk.length);

    const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const pick = (r: Record<string, unknown>) => [r.intent, r.number, r.network, r.amount];
    expect(rows.slice(0, messages.length).map(pick)).toEqual([
      ['topup', '0812345678', 'TRUE', 50],
      ['unknown', null, null, null],
      ['cancel', null, null, null],
      ['topup', null, null, null],
      ['topup', null, null, null],
      ['topup', null, null, null],
      ['topup', '0812345678', null, 50],
      ['status', null, null, null],
      ['balance', null, null, null],
      ['help', null, null, null],
      ['topup', null, null, null],
      ['unknown', null, null, null],
    ]);
    // Extra keys carry what the conversation needs.
    expect(rows[5]?.amountCandidates).toEqual([105, 150]);
    expect((rows[3]?.flags as Record<string, boolean>).ambiguousNumber).toBe(true);
    expect((rows[10]?.flags as Record<string, boolean>).invalidNumber).toBe(true);
    expect((rows[11]?.flags as Record<string, boolean>).greeting).toBe(true);
    // The bulk came through complete and in order (10..409: no 555, which is laughter).
    rows.slice(messages.length).forEach((r, i) => expect(r.amount).toBe(10 + (i % 400)));
  });
});
