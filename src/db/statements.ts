/**
 * The hot path's statements, as fixed SQL text sent straight to the driver: no query building
 * per call (drizzle spends more CPU building a statement than PostgreSQL spends running these),
 * and each text is prepared once per connection (postgres.js caches prepared statements by text).
 *
 * Only for the few statements every webhook event costs; everything else stays with drizzle.
 * Rows come back as the driver gives them (snake_case keys): the callers in `queries/` map them.
 * Values are plain strings, numbers, booleans and null: JSON travels as text and is cast in SQL
 * (`:state::text::jsonb`), times as ISO text (`::timestamptz`), so both drivers send them alike.
 */
import type { Db } from './client.ts';

/** SQL with `:name` placeholders, compiled once to `$1…` and the order of the names. */
export interface Statement {
  readonly text: string;
  readonly names: readonly string[];
}

/**
 * Compiles `:name` placeholders (a `::type` cast is left alone) and folds the text onto one line,
 * without its `--` comments.
 */
export function statement(sqlText: string): Statement {
  const names: string[] = [];
  const text = sqlText
    .replace(/--[^\n]*/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<![:\w]):([a-zA-Z_]\w*)/g, (_m, name: string) => {
      const at = names.indexOf(name);
      return `$${at >= 0 ? at + 1 : names.push(name)}`;
    });
  return { text, names };
}

interface PostgresJs {
  unsafe(text: string, params: unknown[], options: { prepare: boolean }): Promise<unknown[]>;
}
interface Pglite {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Runs one statement on the pool (or PGlite) behind `db`; not for use inside a transaction. */
export async function run<Row>(db: Db, stmt: Statement, values: Record<string, unknown>): Promise<Row[]> {
  const params = stmt.names.map((name) => values[name] ?? null);
  const client = (db as unknown as { $client: PostgresJs | Pglite }).$client;
  if ('unsafe' in client) return (await client.unsafe(stmt.text, params, { prepare: true })) as Row[];
  return (await client.query(stmt.text, params)).rows as Row[];
}
