/**
 * Database fixtures for tests. Every database test runs on PGlite, and on real PostgreSQL
 * too when `TEST_DATABASE_URL` is set (CI sets it). Each test file gets a fresh database
 * of its own, so files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openPglite, openPostgres, type Database } from '../../src/db/client.ts';

export type Driver = 'pglite' | 'postgres';

/** The drivers this run covers: use with `describe.each(drivers())`. */
export function drivers(): Driver[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends Database {
  /** The connection URL for child processes (postgres only). */
  url?: string;
}

/** A migrated, empty database; `close()` also drops a PostgreSQL test database. */
export async function createTestDatabase(driver: Driver): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const database = await openPglite();
    await database.migrate();
    return database;
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `topup_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 10 });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      await dropScratchDatabase(admin, name);
      await admin.end();
    },
  };
}

/**
 * Drops a scratch database. Not `WITH (FORCE)`: that refuses while an autovacuum worker is in the
 * database (its process belongs to no role we are a member of), which a busy machine meets. Our
 * own leftover sessions are ended first; a plain DROP then stops autovacuum itself and waits for
 * the sessions to go (up to 5 s, and once more if one was slower than that).
 */
export async function dropScratchDatabase(admin: postgres.Sql, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and usename = current_user and pid <> pg_backend_pid()`;
    try {
      await admin.unsafe(`drop database if exists ${name}`);
      return;
    } catch (error) {
      // 55006 object_in_use: a session is still there.
      if (attempt >= 3 || (error as { code?: string }).code !== '55006') throw error;
    }
  }
}
