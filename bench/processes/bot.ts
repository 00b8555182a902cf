/**
 * The bot, started exactly as `npm start` starts it (startBot with the config from the
 * environment), in a process of its own. The parent passes the environment and reads memory
 * figures over IPC. Logs (pino, at LOG_LEVEL) go to the file the parent chose as stdout.
 */
import { loadConfig, secretsOf } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startBot } from '../../src/start.ts';
import { serveParent } from '../support/child.ts';

try {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  const bot = await startBot(config, { logger });
  serveParent(
    {
      mem: () => process.memoryUsage(),
      cpu: () => process.cpuUsage(),
    },
    () => bot.close(),
  );
  process.send?.({ ready: { url: bot.url, driver: bot.database.driver } });
} catch (error) {
  process.send?.({ fatal: error instanceof Error ? error.stack ?? error.message : String(error) });
  process.exitCode = 1;
}
