/**
 * `npm run simulator`: the TOPUP API v2 simulator on its own port, for manual testing.
 *
 *   PORT (3100) · SIMULATOR_HOST (127.0.0.1) · TOPUP_USERNAME / TOPUP_PASSWORD (demo / demo)
 *   SIMULATOR_CALLBACK_URL (optional) · SIMULATOR_SETTLE_MS (10000)
 *
 * Control API: see control.ts (GET /_sim/state, POST /_sim/control).
 */
import { pino } from 'pino';
import { createSimulator } from './server.ts';

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

const sim = createSimulator({
  username: process.env.TOPUP_USERNAME || 'demo',
  password: process.env.TOPUP_PASSWORD || 'demo',
  settleAfterMs: intFromEnv('SIMULATOR_SETTLE_MS', 10_000),
  ...(process.env.SIMULATOR_CALLBACK_URL ? { callbackUrl: process.env.SIMULATOR_CALLBACK_URL } : {}),
  logger: log,
});

const url = await sim.listen(intFromEnv('PORT', 3100), process.env.SIMULATOR_HOST || '127.0.0.1');
console.log(`TOPUP API v2 simulator listening at ${url}`);
console.log(`  state: ${new URL('/_sim/state', url).href}   control: POST ${new URL('/_sim/control', url).href}`);

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
