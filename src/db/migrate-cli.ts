/**
 * `npm run db:migrate`: applies the committed migrations to the configured database and exits.
 * (`npm start` does this by itself; this is for deploy pipelines that migrate first.)
 */
import { ConfigError, loadConfig, readEnv } from '../config.ts';
import { openDatabase } from './client.ts';

try {
  const config = loadConfig(readEnv());
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir });
  await database.migrate();
  await database.close();
  console.log(`migrations applied (${database.driver === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.database.dataDir}`})`);
} catch (error) {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
}
