/**
 * One database type, two drivers: postgres.js when a URL is given (any number of instances
 * may share it), a file-backed PGlite otherwise (single-instance storage for demos and
 * small shops).
 */
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDataDir } from './data-dir-lock.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Queries take either: a caller that already holds a transaction passes it down. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  driver: 'postgres' | 'pglite';
  /** Applies the committed migrations in `drizzle/`; safe when several instances start at once. */
  migrate(): Promise<void>;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Any constant works; it only has to be the same for every instance of this bot. */
const MIGRATION_LOCK = 7_262_537;

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** Called with the text of every statement sent (BEGIN and COMMIT included): the benchmarks count round trips with it. */
  onStatement?: (text: string) => void;
}

export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  // onnotice: silence "relation already exists, skipping" chatter from migrations.
  const client = preparing(postgres(url, { max: options.max ?? 10, onnotice: () => {} }), options.onStatement);
  const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    async migrate() {
      // Two instances starting together must not both run the same migration: serialise on
      // an advisory lock, held by a one-connection client so lock and migration share a session.
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres(single, { schema, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER });
        await single`select pg_advisory_unlock(${MIGRATION_LOCK})`;
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    ping: () => ping(db),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * `dataDir` undefined → in-memory (tests); otherwise files under that folder, locked to this
 * process until `close()` (a second process gets DataDirInUse: data-dir-lock.ts).
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const lock = dataDir ? lockDataDir(dataDir) : undefined;
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client, { schema, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: () => ping(db),
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export async function openDatabase(options: { url?: string; dataDir?: string; onStatement?: (text: string) => void }): Promise<Database> {
  return options.url ? openPostgres(options.url, { onStatement: options.onStatement }) : openPglite(options.dataDir);
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * drizzle passes `prepare: false` for every query that was not `.prepare(name)`d, so PostgreSQL
 * parses and plans each statement anew. postgres.js can cache them per connection by text;
 * force that on, in transactions too.
 */
function preparing<T extends postgres.Sql>(sql: T, onStatement?: (text: string) => void): T {
  const unsafe = sql.unsafe.bind(sql);
  (sql as { unsafe: unknown }).unsafe = (query: string, params?: unknown[], opts?: object) => {
    onStatement?.(query);
    return unsafe(query, params as never, { ...opts, prepare: true });
  };
  if (typeof sql.begin !== 'function') return sql;
  const begin = sql.begin.bind(sql) as (...args: unknown[]) => Promise<unknown>;
  (sql as { begin: unknown }).begin = (...args: unknown[]) => {
    const fn = args.pop() as (tx: postgres.Sql) => unknown;
    // BEGIN goes through `unsafe` (counted above); COMMIT does not.
    return begin(...args, (tx: postgres.Sql) => fn(preparing(tx, onStatement))).finally(() => onStatement?.('commit'));
  };
  return sql;
}
