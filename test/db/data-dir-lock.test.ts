/**
 * One process per embedded database (DESIGN §3), with real processes (`src/main.ts` as
 * `npm start` runs it, in demo mode on PGlite): a second bot on a DATA_DIR in use exits at once,
 * non-zero, naming the folder and the pid that holds it; a lock left by `kill -9` does not block
 * the next start; a clean stop leaves no lock behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUse, LOCK_FILE } from '../../src/db/data-dir-lock.ts';
import { openPglite } from '../../src/db/client.ts';
import { childBot, freePort, type ChildBot } from '../support/child-bot.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'data-dir-lock-'));
const running: ChildBot[] = [];
afterAll(async () => {
  for (const bot of running) await bot.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const ENV = { DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };

/** A demo bot (no credentials) on the shared DATA_DIR. */
async function bot(): Promise<ChildBot> {
  const b = childBot(ENV, await freePort());
  running.push(b);
  return b;
}

/** `npm start` that is expected to stop by itself: its exit code and everything it printed. */
function startExpectingExit(port: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, ...ENV, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    // Should the lock fail, the bot would run on: end it, and the test fails on its exit code.
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, output });
    });
  });
}

describe('one bot process per DATA_DIR', () => {
  it('a second start on a folder in use exits non-zero, saying which process holds it; the first carries on', async () => {
    const first = await bot();
    await first.start();
    const holder = first.pid()!;
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim()).toBe(String(holder));

    // On another port, and on the same port (the folder is checked before the port is taken).
    for (const port of [await freePort(), first.port]) {
      const second = await startExpectingExit(port);
      expect(second.code).toBe(1);
      expect(second.output).toContain(`DATA_DIR ${dataDir} is in use by another bot process (pid ${holder})`);
      expect(second.output).not.toContain('EADDRINUSE');
    }
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);

    // Killed without a chance to clean up: the lock stays, naming a process that is gone.
    await first.kill();
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim()).toBe(String(holder));
    const next = await bot();
    await next.start();
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim()).toBe(String(next.pid()));

    // A clean stop removes it.
    await next.stop();
    expect(next.exitCode()).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  }, 90_000);

  it('the same folder opened twice in one process is refused too, and free again once closed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'data-dir-lock-in-process-'));
    try {
      const database = await openPglite(folder);
      await expect(openPglite(folder)).rejects.toBeInstanceOf(DataDirInUse);
      await database.close();
      const again = await openPglite(folder);
      await again.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
