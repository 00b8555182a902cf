/**
 * Entry point of `npm start`: configuration, then the bot, then signal handling.
 */
import { ConfigError, describeConfigError, loadConfig, readEnv, secretsOf } from './config.ts';
import { DataDirInUse } from './db/data-dir-lock.ts';
import { createLogger } from './log.ts';
import { startBot } from './start.ts';

let config;
try {
  config = loadConfig(readEnv());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(describeConfigError(error));
    process.exit(1);
  }
  throw error;
}

const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
const bot = await startBot(config, { logger }).catch((error: unknown) => {
  if (error instanceof DataDirInUse) {
    // The operator started a second bot on the same files: say so plainly, like a config error.
    console.error(`The bot cannot start: ${error.message}.`);
  } else {
    logger.fatal({ err: error }, 'the bot could not start');
  }
  process.exit(1);
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight work');
    bot.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown did not finish cleanly');
        process.exit(1);
      },
    );
  });
}
