/**
 * Demo mode's outside world, started in one call: the provider simulator and the LINE stand-in
 * on their own local ports (the bot reaches them over real HTTP, exactly as it would reach the
 * provider and LINE), and the `/dev` chat emulator that talks to both.
 */
import { join } from 'node:path';
import type { Router } from 'express';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { devRoutes } from './emulator/routes.ts';
import { createLineStandin, type LineStandin } from './line-standin/index.ts';
import { jsonFile } from './persisted.ts';
import { createSimulator, type PersistedSimulator, type Simulator } from './simulator/index.ts';

export type { LineStandin } from './line-standin/index.ts';
export type { Simulator } from './simulator/index.ts';

/** Demo results arrive quickly, yet late enough to see the pending state. */
const DEMO_SETTLE_AFTER_MS = 3_000;

export interface DemoWorldOptions {
  config: Config;
  /** Where the simulator POSTs results: the bot's `/topup/callback/:secret`. */
  callbackUrl: string;
  /** Where the emulator delivers webhook events: the bot's `/webhook`. */
  webhookUrl: string;
  /** Where a person opens the emulator, for the start-up line. */
  emulatorUrl: string;
  logger: Logger;
}

export interface DemoWorld {
  /** The simulator's API URL, path included: the bot's TOPUP_API_URL. */
  providerUrl: string;
  /** The stand-in's origin: the bot's LINE API and LINE data API base URL. */
  lineApiUrl: string;
  simulator: Simulator;
  lineStandin: LineStandin;
  /** The emulator's page and API, to mount at `/dev`. */
  routes: Router;
  /** Stops the simulator (its timers and callbacks) and the stand-in. */
  close(): Promise<void>;
}

export async function startDemoWorld(options: DemoWorldOptions): Promise<DemoWorld> {
  const { config, logger } = options;
  // The stand-ins keep their state beside the bot's embedded database (none with DATABASE_URL).
  const stateDir = config.database.dataDir && !config.database.url ? join(config.database.dataDir, 'demo') : undefined;
  const simulator = createSimulator({
    username: config.provider.username,
    password: config.provider.password,
    networkCodes: config.provider.networkCodes,
    settleAfterMs: DEMO_SETTLE_AFTER_MS,
    callbackUrl: options.callbackUrl,
    // A restarted demo carries on: the same balance and switches, ORDERIDs that do not repeat.
    ...(stateDir ? { store: jsonFile<PersistedSimulator>(join(stateDir, 'simulator.json')) } : {}),
  });
  const lineStandin = createLineStandin();
  const providerUrl = await simulator.listen(0, '127.0.0.1');
  const lineApiUrl = await lineStandin.listen(0, '127.0.0.1');
  const routes = devRoutes({
    lineStandin,
    simulator,
    channelSecret: config.line.channelSecret,
    webhookUrl: options.webhookUrl,
    historyFile: stateDir ? join(stateDir, 'emulator-history.json') : undefined,
  });
  logger.info(
    { emulator: options.emulatorUrl },
    `DEMO MODE: no LINE or provider credentials set; using the built-in provider simulator and LINE stand-in. Open ${options.emulatorUrl} to chat with the bot.`,
  );
  return {
    providerUrl,
    lineApiUrl,
    simulator,
    lineStandin,
    routes,
    async close() {
      await simulator.close();
      await lineStandin.close();
    },
  };
}
