/**
 * Demo mode's outside world in one place: the provider simulator and the LINE stand-in
 * in-process, and the /dev chat emulator's routes. (Moves under src/demo/ with the stand-ins.)
 */
import type { Router } from 'express';
import type { Config } from './config.ts';
import { devRoutes } from './dev/routes.ts';
import { createLineStandin, type LineStandin } from './line/standin/index.ts';
import type { Logger } from './log.ts';
import { createSimulator, type Simulator } from './provider/simulator/index.ts';

export interface DemoWorld {
  providerUrl: string;
  lineApiUrl: string;
  simulator: Simulator;
  lineStandin: LineStandin;
  routes: Router;
  close(): Promise<void>;
}

export async function startDemoWorld(options: { config: Config; botUrl: string; port: number; logger: Logger }): Promise<DemoWorld> {
  const { config, botUrl, port } = options;
  const simulator = createSimulator({
    username: config.provider.username,
    password: config.provider.password,
    networkCodes: config.provider.networkCodes,
    settleAfterMs: 3_000,
    callbackUrl: `${botUrl}/topup/callback/${config.provider.callbackSecret}`,
  });
  const providerUrl = await simulator.listen(0, '127.0.0.1');
  const lineStandin = createLineStandin();
  const lineApiUrl = await lineStandin.listen(0, '127.0.0.1');
  options.logger.info(
    { emulator: `http://localhost:${port}/dev` },
    `DEMO MODE: no LINE or provider credentials set; using the built-in provider simulator and LINE stand-in. Open http://localhost:${port}/dev to chat with the bot.`,
  );
  return {
    providerUrl,
    lineApiUrl,
    simulator,
    lineStandin,
    routes: devRoutes({ lineStandin, simulator, channelSecret: config.line.channelSecret, webhookUrl: `${botUrl}/webhook` }),
    async close() {
      await simulator.close();
      await lineStandin.close();
    },
  };
}
