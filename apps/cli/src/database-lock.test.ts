import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyTarget, type CliTarget } from './testing/cli-harness.ts';

// The lock protects PGlite's data dir; a PostgreSQL server needs none.
const embedded = process.env.REFUGIO_TEST_DB !== 'postgres';

let target: CliTarget;
beforeAll(async () => {
  target = await emptyTarget('pglite');
  await mkdir(target.config.dataDir, { recursive: true });
});
afterAll(async () => {
  await target?.destroy();
});

// The file packages/db/src/open.ts writes (documented in docs/cli.md).
const lockPath = () => path.join(target.config.dataDir, 'refugio.lock');

async function writeLock(pid: number): Promise<void> {
  await writeFile(lockPath(), JSON.stringify({ pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z', command: 'npm start' }));
}

describe.runIf(embedded)('the embedded data dir lock', () => {
  it('refuses, naming the process, while another process holds the data dir', async () => {
    // This test process stands in for the server: it is alive.
    await writeLock(process.pid);
    const result = await target.run(['migrate']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`is in use by process ${process.pid}`);
    expect(result.stderr).toContain('PGlite allows one process at a time');
    expect(existsSync(path.join(target.config.dataDir, 'pgdata', 'PG_VERSION'))).toBe(false);
  });

  it('takes over a lock left by a process that has died, and frees it when done', async () => {
    const finished = spawnSync(process.execPath, ['-e', '']);
    await writeLock(finished.pid ?? 999_999);
    const result = await target.run(['migrate']);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(lockPath())).toBe(false);
  });
});
