import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@refugio/db';
import { createTestDatabaseLocation, type TestDatabaseLocation } from '@refugio/db/testing';
import { countUnsealedAuditEvents, verifyAuditChain } from '@refugio/domain/server';
import { TEST_PASSWORD } from './testing/fixtures.ts';

/**
 * The server killed with SIGKILL after it acknowledged requests whose audit events committed but
 * before the sealer chained them (ADR 032): the next start seals every one of them, in the chain
 * that verifies. The sealer's timer is set to an hour so that the kill lands between commit and
 * sealing every time, not by luck.
 */
const MAIN = path.join(import.meta.dirname, 'main.ts');
const SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

let location: TestDatabaseLocation;
beforeAll(async () => {
  location = await createTestDatabaseLocation();
});
afterAll(async () => {
  await location?.destroy();
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `main.ts` as `npm start` does and resolves once it listens. */
async function startServer(port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', REFUGIO_DEMO: '0', LOG_LEVEL: 'warn',
    REFUGIO_AUDIT_SIGNING_KEY: SIGNING_KEY, REFUGIO_AUDIT_SEAL_MS: String(3_600_000),
    REFUGIO_DATA_DIR: location.config.dataDir,
  };
  if (location.config.databaseUrl) env.DATABASE_URL = location.config.databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Refugio is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  return child;
}

async function kill9(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(location.config);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe('a crash between commit and sealing', () => {
  it('loses no acknowledged event: the next start seals them all into a chain that verifies', async () => {
    const port = await freePort();
    const server = await startServer(port);
    const requestIds: string[] = [];
    try {
      // The first housekeeping round (a seal and a checkpoint of what the template holds) runs as
      // the server starts; the events below must come after it to stay unsealed.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      // Each answer acknowledges a committed event: failed sign-ins and one that succeeds.
      for (const [username, password] of [['nadie', 'x'], ['admin', 'wrong'], ['admin', TEST_PASSWORD], ['otro', 'y']] as const) {
        const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
        });
        expect(res.status).toBeLessThan(500);
        requestIds.push(res.headers.get('x-request-id')!);
      }
    } finally {
      await kill9(server);
    }

    const afterCrash = await withDb(async (db) => ({
      unsealed: await countUnsealedAuditEvents(db),
      events: (await db.query<{ request_id: string; seq: number | null }>(
        'SELECT request_id, seq FROM audit_events WHERE request_id = ANY($1::text[])', [requestIds])).rows,
    }));
    expect(new Set(afterCrash.events.map((e) => e.request_id))).toEqual(new Set(requestIds));
    expect(afterCrash.events.every((e) => e.seq === null)).toBe(true);
    expect(afterCrash.unsealed.count).toBeGreaterThanOrEqual(requestIds.length);

    // Started again, the server seals before it takes a request; killed again at once.
    await kill9(await startServer(port));
    await withDb(async (db) => {
      expect(await countUnsealedAuditEvents(db)).toEqual({ count: 0, oldestAt: null });
      const { rows } = await db.query<{ seq: number | null }>(
        'SELECT seq FROM audit_events WHERE request_id = ANY($1::text[])', [requestIds]);
      expect(rows).toHaveLength(afterCrash.events.length);
      expect(rows.every((r) => r.seq !== null)).toBe(true);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, firstBadSeq: null, unsealed: { count: 0 } });
    });
  }, 240_000);
});
