import { unlinkSync } from 'node:fs';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface DatabaseConfig {
  /** postgres://… — when set, a PostgreSQL server is used instead of the embedded one. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; its `pgdata` sub-folder holds PGlite's files. */
  dataDir: string;
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.REFUGIO_DATA_DIR || './data'),
  };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  const pgdata = path.join(config.dataDir, 'pgdata');
  await mkdir(pgdata, { recursive: true });
  const release = await lockDataDir(config.dataDir);
  try {
    const db = await openPglite(pgdata);
    // Spreading keeps the raw PGlite handle that rawPglite() reads.
    return { ...db, close: () => db.close().finally(release) };
  } catch (error) {
    release();
    throw error;
  }
}

/** Name of the file that marks an embedded data dir as open; it holds the owner's pid. */
export const DATA_DIR_LOCK_FILE = 'refugio.lock';

interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
  command: string;
}

const heldLocks = new Set<string>();
let exitHookInstalled = false;

/**
 * PGlite is single-process: a second process writing the same data dir corrupts it. The lock
 * file names the process holding the dir, so a second one (the CLI while `npm start` runs) can
 * refuse and say why. A lock left by a dead process on this host is taken over.
 */
async function lockDataDir(dataDir: string): Promise<() => void> {
  const lockPath = path.join(dataDir, DATA_DIR_LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), command: process.argv.slice(1).join(' '),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await placeLock(lockPath, `${JSON.stringify(me)}\n`);
      return holdLock(lockPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(lockPath);
      if (holder && isRunning(holder)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${holder.pid} on ${holder.hostname} ` +
            `(since ${holder.startedAt}: ${holder.command}). PGlite allows one process at a time: stop that ` +
            `process (e.g. the server started with npm start) and retry, or use a PostgreSQL server through ` +
            `DATABASE_URL. If no such process exists, delete ${lockPath}.`,
          { cause: error },
        );
      }
      await unlink(lockPath).catch(() => undefined);
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

/** Creates the lock file, failing with EEXIST when it exists. */
async function placeLock(lockPath: string, content: string): Promise<void> {
  // Written aside, then hard-linked into place, so a reader never sees it half-written.
  const draft = `${lockPath}.${process.pid}`;
  await writeFile(draft, content);
  try {
    await link(draft, lockPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // A file system without hard links: exclusive create is the next best thing.
    await writeFile(lockPath, content, { flag: 'wx' });
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

function holdLock(lockPath: string): () => void {
  heldLocks.add(lockPath);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A process that exits without closing the database still frees its data dir.
    process.on('exit', () => {
      for (const held of heldLocks) removeQuietly(held);
    });
  }
  return () => {
    if (heldLocks.delete(lockPath)) removeQuietly(lockPath);
  };
}

function removeQuietly(lockPath: string): void {
  try {
    unlinkSync(lockPath);
  } catch {
    // Already gone: nothing to free.
  }
}

async function readHolder(lockPath: string): Promise<LockHolder | null> {
  try {
    const parsed = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid, hostname: parsed.hostname ?? 'unknown host', startedAt: parsed.startedAt ?? 'unknown time',
      command: parsed.command ?? 'unknown command',
    };
  } catch {
    // Unreadable (emptied by hand, or a broken disk): treat as stale.
    return null;
  }
}

function isRunning(holder: LockHolder): boolean {
  // A process on another host (a shared folder) cannot be checked from here: assume it runs.
  if (holder.hostname !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
