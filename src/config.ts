/**
 * Typed, validated configuration: every variable of DESIGN §3, read once at startup. This is
 * the public entry; the parts live in config/ by job:
 *
 * - `schema.ts`: every variable, what it accepts and its default (`fields.ts`, `values.ts`
 *   and `promptpay-id.ts` hold the parsers)
 * - `load.ts`: environment → `Config` (`loadConfig`, pure: the environment is an argument)
 * - `production.ts`: what a real bot must have (credentials, minimum lengths, payment settings)
 * - `errors.ts`: every problem in one `ConfigError`, and how `npm start` shows it
 * - `secrets.ts`: which values the logger scrubs
 * - `env-file.ts`: the `.env` file under the real environment (`readEnv`)
 */
export { DEMO_CREDENTIALS, DEMO_OWNER_GROUP_ID } from './config/demo.ts';
export { readEnv } from './config/env-file.ts';
export { ConfigError, describeConfigError, type ConfigProblem } from './config/errors.ts';
export { loadConfig } from './config/load.ts';
export { secretsOf } from './config/secrets.ts';
export { PAYMENT_MODES, type Config, type MetricsAccess, type PaymentMode } from './config/types.ts';
