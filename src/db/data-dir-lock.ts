/**
 * One process per embedded database (DESIGN §3): PGlite keeps the whole database in memory and
 * writes its files under DATA_DIR, so two processes on one folder would each answer from their
 * own copy and overwrite each other. A lock file in the folder holds the owner's pid; a second
 * process finds that pid alive and stops. A lock left by a process that died without cleaning
 * up (`kill -9`, a power cut) names a pid that is gone and is taken over.
 */
import { linkSync, mkdirSync, readFileSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'bot.lock';

/** Another live process holds the folder. */
export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`DATA_DIR ${dataDir} is in use by another bot process (pid ${pid}); stop it first, or give this one another DATA_DIR`);
    this.name = 'DataDirInUse';
  }
}

export interface DataDirLock {
  release(): void;
}

/** Folders this process holds, by real path: a second open in this same process is refused too. */
const held = new Map<string, string>();
let exitHookInstalled = false;

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const dir = realpathSync(dataDir);
  if (held.has(dir)) throw new DataDirInUse(dataDir, process.pid);
  const path = join(dir, LOCK_FILE);
  // A few rounds: another process may be taking over the same stale lock at this moment.
  for (let round = 0; round < 10; round++) {
    if (createLock(path)) {
      held.set(dir, path);
      installExitHook();
      return { release: () => release(dir) };
    }
    const holder = readPid(path);
    if (holder === undefined) continue; // just removed by its owner, or being replaced
    if (isAlive(holder)) throw new DataDirInUse(dataDir, holder);
    removeIfStill(path, holder);
  }
  throw new Error(`could not take the lock ${path}`);
}

/** Writes the pid to a file of our own, then links it into place: the lock is never seen half-written. */
function createLock(path: string): boolean {
  const mine = `${path}.${process.pid}`;
  writeFileSync(mine, `${process.pid}\n`);
  try {
    linkSync(mine, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(mine);
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  // Our own pid, yet not held here: a restarted container reuses pids; the lock is from before.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/** A killed process its parent has not reaped yet still answers kill(0) (Linux only). */
function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Removes the stale lock of `stalePid`, unless someone replaced it meanwhile: the file is moved
 * aside first (atomic), checked, and put back if it turns out to be a live process's new lock.
 */
function removeIfStill(path: string, stalePid: number): void {
  const aside = `${path}.stale.${process.pid}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readPid(aside) !== stalePid) {
    try {
      linkSync(aside, path);
    } catch {
      // A third process took the lock in between: it holds it now.
    }
  }
  unlinkSync(aside);
}

function release(dir: string): void {
  const path = held.get(dir);
  if (!path) return;
  held.delete(dir);
  if (readPid(path) === process.pid) unlinkSync(path);
}

/** A normal exit (including process.exit after a fatal error) leaves no lock behind. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const dir of [...held.keys()]) release(dir);
  });
}
