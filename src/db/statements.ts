/**
 * The hot path's statements, as fixed SQL text sent straight to the driver: no query building
 * per call (drizzle spends more CPU building a statement than PostgreSQL spends running these),
 * and each text is prepared once per connection (postgres.js caches prepared statements by text).
 *
 * Only for the few statements every webhook event costs; everything else stays with drizzle.
 * Rows come back as the driver gives them (snake_case keys): the callers in `queries/` map them.
 * Parameters are plain strings and numbers: JSON travels as text and is cast in SQL
 * (`$1::text::jsonb`), so both drivers send it the same way.
 */
import type { Db } from './client.ts';

interface PostgresJs {
  unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]>;
}
interface Pglite {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Runs one statement on the pool (or PGlite) behind `db`; not for use inside a transaction. */
export async function run<Row>(db: Db, text: string, params: unknown[]): Promise<Row[]> {
  const client = (db as unknown as { $client: PostgresJs | Pglite }).$client;
  if ('unsafe' in client) return (await client.unsafe(text, params, { prepare: true })) as Row[];
  return (await client.query(text, params)).rows as Row[];
}

/** One line of SQL from a readable multi-line literal (shorter to send, same plan). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
