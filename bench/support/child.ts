/**
 * Child processes for the benchmarks, each with its own event loop, talking over Node's IPC
 * channel: `{ id, cmd, args }` in, `{ id, result | error }` out. A child announces itself with
 * `{ ready: … }` once listening.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Child<Ready> {
  process: ChildProcess;
  ready: Ready;
  call<T = unknown>(cmd: string, args?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export async function startChild<Ready>(
  script: string,
  options: {
    env?: Record<string, string | undefined>;
    /** Start from an empty environment (plus PATH, HOME, TMPDIR, LANG) instead of the bench's own. */
    cleanEnv?: boolean;
    logFile?: string;
    nodeArgs?: string[];
    timeoutMs?: number;
  } = {},
): Promise<Child<Ready>> {
  const file = fileURLToPath(new URL(`../processes/${script}`, import.meta.url));
  const log = options.logFile ? openSync(options.logFile, 'a') : 'ignore';
  const child = fork(file, [], {
    execArgv: ['--import', 'tsx', ...(options.nodeArgs ?? [])],
    env: { ...(options.cleanEnv ? basicEnv() : process.env), ...options.env },
    stdio: ['ignore', log, options.logFile ? log : 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    exited = true;
    for (const p of pending.values()) p.reject(new Error(`${script} exited (${code ?? signal})`));
    pending.clear();
  });
  child.on('message', (raw) => {
    const m = raw as { id?: number; result?: unknown; error?: string };
    if (m.id === undefined) return;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined) p.reject(new Error(`${script}: ${m.error}`));
    else p.resolve(m.result);
  });

  const ready = await new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within ${options.timeoutMs ?? 60_000} ms`)), options.timeoutMs ?? 60_000);
    child.on('message', (raw) => {
      const m = raw as { ready?: Ready; fatal?: string };
      if (m.fatal) {
        clearTimeout(timer);
        reject(new Error(`${script}: ${m.fatal}`));
      } else if (m.ready !== undefined) {
        clearTimeout(timer);
        resolve(m.ready);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before it was ready${options.logFile ? ` (see ${options.logFile})` : ''}`));
    });
  });

  return {
    process: child,
    ready,
    call<T>(cmd: string, args?: unknown): Promise<T> {
      if (exited) return Promise.reject(new Error(`${script} is not running`));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, cmd, args });
      });
    },
    async stop() {
      if (exited) return;
      child.send({ id: -1, cmd: 'exit' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/**
 * The node flags `npm start` gives the bot (package.json's start script, less the `--import tsx`
 * every child has): the bench measures the bot as shops run it, heap size included.
 */
export function npmStartNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'src/main.ts') throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  const flags = words.slice(1, -1);
  const tsx = flags.indexOf('--import');
  if (tsx >= 0 && flags[tsx + 1] === 'tsx') flags.splice(tsx, 2);
  return flags;
}

function basicEnv(): Record<string, string | undefined> {
  const { PATH, HOME, TMPDIR, LANG } = process.env;
  return { PATH, HOME, TMPDIR, LANG };
}

/** The child side: answers `{ id, cmd, args }` messages with `handlers[cmd](args)`. */
export function serveParent(handlers: Record<string, (args: never) => unknown>, onExit: () => Promise<void>): void {
  process.on('message', (raw) => {
    const m = raw as { id: number; cmd: string; args?: unknown };
    if (m.cmd === 'exit') {
      void onExit().finally(() => process.exit(0));
      return;
    }
    const handler = handlers[m.cmd];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command ${m.cmd}`);
        return (handler as (args: unknown) => unknown)(m.args);
      })
      .then(
        (result) => process.send?.({ id: m.id, result }),
        (error: unknown) => process.send?.({ id: m.id, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
      );
  });
  // Parent gone: do not linger.
  process.on('disconnect', () => {
    void onExit().finally(() => process.exit(0));
  });
}
