/**
 * `npm run simulator`: the TOPUP API v2 simulator on its own port, for manual testing.
 *
 *   PORT (3100) · SIMULATOR_HOST (127.0.0.1) · TOPUP_USERNAME / TOPUP_PASSWORD (demo / demo)
 *   SIMULATOR_CALLBACK_URL (optional) · SIMULATOR_SETTLE_MS (10000)
 *
 * Control API: see control.ts (GET /_sim/state, POST /_sim/control). At start it prints its login
 * and the variables that point the bot at it (startup-help.ts).
 */
import { pino } from 'pino';
import { createSimulator } from './server.ts';
import { startupHelp } from './startup-help.ts';

const log = pino({ name: 'topup-simulator', level: process.env.LOG_LEVEL ?? 'info' });

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    log.error(`${name} must be a non-negative integer, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
}

const username = process.env.TOPUP_USERNAME || 'demo';
const password = process.env.TOPUP_PASSWORD || 'demo';
const sim = createSimulator({
  username,
  password,
  settleAfterMs: intFromEnv('SIMULATOR_SETTLE_MS', 10_000),
  ...(process.env.SIMULATOR_CALLBACK_URL ? { callbackUrl: process.env.SIMULATOR_CALLBACK_URL } : {}),
  logger: log,
});

const url = await sim.listen(intFromEnv('PORT', 3100), process.env.SIMULATOR_HOST || '127.0.0.1');
console.log(startupHelp({ url, username, password, callbackUrl: process.env.SIMULATOR_CALLBACK_URL || undefined }));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping simulator');
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
