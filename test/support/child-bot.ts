/**
 * The bot as a real child process (`src/main.ts`, as `npm start` runs it), for tests that
 * kill it with SIGKILL or run several instances side by side.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface ChildBot {
  url: string;
  port: number;
  start(): Promise<void>;
  /** SIGKILL: no cleanup, no graceful shutdown, exactly like a crash. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
  /** Whether the process is alive (a test that failed midway may leave it killed). */
  running(): boolean;
  /** The running (or last) process id. */
  pid(): number | undefined;
  /** Exit code once the process has exited (null if a signal ended it or it still runs). */
  exitCode(): number | null;
}

/**
 * The environment that points a bot at a LINE stand-in and a provider simulator (account
 * `shop` / `pw-secret`, the harness's secrets), in open payment mode.
 */
export function outsideWorldEnv(options: { lineOrigin: string; simulatorUrl: string; channelSecret: string; callbackSecret: string }): Record<string, string> {
  return {
    LINE_CHANNEL_SECRET: options.channelSecret,
    LINE_CHANNEL_ACCESS_TOKEN: 'token',
    LINE_API_BASE_URL: options.lineOrigin,
    LINE_DATA_API_BASE_URL: options.lineOrigin,
    TOPUP_API_URL: options.simulatorUrl,
    TOPUP_USERNAME: 'shop',
    TOPUP_PASSWORD: 'pw-secret',
    TOPUP_CALLBACK_SECRET: options.callbackSecret,
    PAYMENT_MODE: 'open',
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function childBot(env: Record<string, string>, port: number): ChildBot {
  let child: ChildProcess | undefined;
  let log = '';
  const url = `http://127.0.0.1:${port}`;

  async function waitHealthy(deadline: number) {
    for (;;) {
      if (child?.exitCode !== null && child?.exitCode !== undefined) throw new Error(`bot exited early:\n${log}`);
      try {
        const res = await fetch(`${url}/healthz`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`bot not healthy in time:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const exited = () =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
    });

  return {
    url,
    port,
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: { ...process.env, ...env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d) => (log += d));
      child.stderr?.on('data', (d) => (log += d));
      await waitHealthy(Date.now() + 30_000);
    },
    async kill() {
      const done = exited();
      child?.kill('SIGKILL');
      await done;
    },
    async stop() {
      const done = exited();
      child?.kill('SIGTERM');
      await done;
    },
    output: () => log,
    running: () => child !== undefined && child.exitCode === null && child.signalCode === null,
    pid: () => child?.pid,
    exitCode: () => child?.exitCode ?? null,
  };
}
