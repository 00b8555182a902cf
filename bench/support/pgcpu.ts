/**
 * CPU time spent by the PostgreSQL backends serving one database, read from /proc (Linux, same
 * machine only). Returns undefined where that is not possible (remote server, no /proc).
 */
import { readFileSync } from 'node:fs';
import type { Sql } from 'postgres';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export async function backendCpuMs(sql: Sql): Promise<number | undefined> {
  const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
  let total = 0;
  let seen = 0;
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
      seen++;
    } catch {
      // not local, or the backend just ended
    }
  }
  return seen > 0 ? total : undefined;
}
