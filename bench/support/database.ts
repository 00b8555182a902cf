/**
 * A scratch PostgreSQL database for one benchmark run, created and dropped by the bench.
 *
 * Where the server comes from, first match wins:
 * 1. `BENCH_DATABASE_URL` or `DATABASE_URL` (a role with CREATEDB);
 * 2. a server already answering on 127.0.0.1:5432 as topup/topup (the project's CI setup);
 * 3. as root on Debian: `pg_ctlcluster <version> main start`, then the `topup` role as
 *    `.ci/run` creates it (the cluster is stopped again at the end);
 * 4. otherwise: no PostgreSQL, and the caller falls back to PGlite (with a loud warning).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import postgres from 'postgres';
import { dropScratchDatabase } from '../../test/support/db.ts';

const DEFAULT_URL = 'postgres://topup:topup@127.0.0.1:5432/topup';

export interface ScratchDatabase {
  /** Connection URL of the scratch database, or undefined when falling back to PGlite. */
  url?: string;
  /** How the server was found, for the report. */
  source: string;
  serverVersion?: string;
  drop(): Promise<void>;
}

async function reachable(url: string): Promise<string | undefined> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    const [row] = await sql<{ v: string }[]>`select current_setting('server_version') as v`;
    return row?.v;
  } catch {
    return undefined;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

/** Debian's cluster tools, as root: start the newest installed cluster and create the topup role. */
function startLocalCluster(): boolean {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/pg_ctlcluster') || !existsSync('/etc/postgresql')) return false;
  const versions = readdirSync('/etc/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  const version = versions[0];
  if (!version) return false;
  const started = spawnSync('pg_ctlcluster', [version, 'main', 'start'], { stdio: 'ignore' });
  if (started.status !== 0) return false;
  for (let i = 0; i < 30; i++) {
    if (spawnSync('pg_isready', ['-q', '-h', '127.0.0.1'], { stdio: 'ignore' }).status === 0) break;
    execFileSync('sleep', ['1']);
  }
  const psql = (sqlText: string) =>
    spawnSync('su', ['postgres', '-c', 'psql -q -v ON_ERROR_STOP=1'], { input: sqlText, stdio: ['pipe', 'ignore', 'inherit'] }).status === 0;
  psql(`do $$ begin
    if not exists (select from pg_roles where rolname = 'topup') then create role topup login createdb password 'topup'; end if;
  end $$;`);
  const has = spawnSync('su', ['postgres', '-c', `psql -tAc "select 1 from pg_database where datname='topup'"`], { encoding: 'utf8' });
  if (!has.stdout?.includes('1')) spawnSync('su', ['postgres', '-c', 'createdb -O topup topup'], { stdio: 'ignore' });
  startedCluster = version;
  return true;
}
let startedCluster: string | undefined;

export async function createScratchDatabase(log: (line: string) => void): Promise<ScratchDatabase> {
  let adminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  let source = adminUrl ? (process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'DATABASE_URL') : 'local server (127.0.0.1:5432)';
  adminUrl ??= DEFAULT_URL;
  let version = await reachable(adminUrl);
  if (!version && adminUrl === DEFAULT_URL) {
    log('no PostgreSQL answering on 127.0.0.1:5432; trying to start the local cluster (pg_ctlcluster)…');
    if (startLocalCluster()) {
      version = await reachable(adminUrl);
      source = `local cluster started by the bench (pg_ctlcluster ${startedCluster} main)`;
    }
  }
  if (!version) {
    return { source: 'none', drop: async () => stopCluster() };
  }

  const name = `topup_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    source,
    serverVersion: version,
    async drop() {
      try {
        await dropScratchDatabase(admin, name);
      } finally {
        await admin.end({ timeout: 2 }).catch(() => {});
        stopCluster();
      }
    },
  };
}

function stopCluster(): void {
  if (startedCluster) spawnSync('pg_ctlcluster', [startedCluster, 'main', 'stop'], { stdio: 'ignore' });
}
