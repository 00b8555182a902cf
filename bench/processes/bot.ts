/**
 * The bot, started exactly as `npm start` starts it (startBot with the config from the
 * environment), in a process of its own. The parent passes the environment and reads memory
 * and CPU figures, statement counts and (on request) a CPU profile of a window over IPC. Logs
 * (pino, at LOG_LEVEL) go to the file the parent chose as stdout.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadConfig, secretsOf } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { startBot } from '../../src/start.ts';
import { serveParent } from '../support/child.ts';

/** Statements sent to PostgreSQL since the last `statements` call, by their text (shortened when read). */
let statements = new Map<string, number>();
const countStatement = (text: string) => statements.set(text, (statements.get(text) ?? 0) + 1);
const shorten = (text: string) => text.replace(/\s+/g, ' ').slice(0, 160);

let profiler: Session | undefined;

try {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel, secrets: secretsOf(config) });
  const bot = await startBot(config, { logger, onStatement: countStatement });
  serveParent(
    {
      mem: () => process.memoryUsage(),
      cpu: () => process.cpuUsage(),
      /** Statement counts since the last call (and resets them). */
      statements: () => {
        const out: Record<string, number> = {};
        for (const [text, n] of statements) out[shorten(text)] = (out[shorten(text)] ?? 0) + n;
        statements = new Map();
        return out;
      },
      /** Starts a CPU profile of this process (only the window the parent chooses). */
      profileStart: async () => {
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.setSamplingInterval', { interval: 500 });
        await profiler.post('Profiler.start');
      },
      /** Stops the profile and writes it (a .cpuprofile) to `file`. */
      profileStop: async (args: { file: string }) => {
        if (!profiler) throw new Error('no profile running');
        const { profile } = await profiler.post('Profiler.stop');
        profiler.disconnect();
        profiler = undefined;
        writeFileSync(args.file, JSON.stringify(profile));
        return args.file;
      },
    },
    () => bot.close(),
  );
  process.send?.({ ready: { url: bot.url, driver: bot.database.driver } });
} catch (error) {
  process.send?.({ fatal: error instanceof Error ? error.stack ?? error.message : String(error) });
  process.exitCode = 1;
}
