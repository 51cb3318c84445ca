/**
 * Foundation benchmark: start-up time (cold first start with migrations and demo seed, warm
 * restart), login latency under 50 concurrent clients, and idle memory of the server process.
 * Usage: npm run bench -- foundation [--database-url postgres://…]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARGON2_PARAMS } from '@refugio/domain/server';
import { runLoad } from './lib/load.ts';
import { rssMiB, startServer } from './lib/server.ts';

const PASSWORD = 'bench-password-123';

export async function benchFoundation(options: { databaseUrl?: string | undefined; port?: number }) {
  const port = options.port ?? 3900;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'refugio-bench-'));
  const env: Record<string, string> = {
    REFUGIO_DATA_DIR: dataDir,
    REFUGIO_DEMO_PASSWORD: PASSWORD,
    REFUGIO_LOGIN_RATE_LIMIT: '1000000',
    REFUGIO_MAX_FAILED_LOGINS: '1000000',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  };
  const results: Record<string, unknown> = { database: options.databaseUrl ? 'postgres' : 'pglite' };
  try {
    const cold = await startServer(env, port);
    results.coldStartMs = cold.readyMs;
    await cold.stop();

    const warmRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      const warm = await startServer(env, port);
      warmRuns.push(warm.readyMs);
      if (i < 2) await warm.stop();
      else {
        await new Promise((resolve) => setTimeout(resolve, 3000));
        results.idleRssMiB = rssMiB(warm.process.pid!);
        const body = JSON.stringify({ username: 'admin', password: PASSWORD });
        const login = await runLoad({
          concurrency: 50,
          durationMs: 15_000,
          send: async () => {
            const response = await fetch(`${warm.url}/api/auth/login`, {
              method: 'POST', headers: { 'content-type': 'application/json' }, body,
            });
            await response.arrayBuffer();
            return response.status === 200;
          },
        });
        results.login50 = login;
        await new Promise((resolve) => setTimeout(resolve, 3000));
        results.rssAfterLoadMiB = rssMiB(warm.process.pid!);
        await warm.stop();
      }
    }
    results.warmStartMs = warmRuns;
    results.argon2 = { algorithm: 'argon2id', memoryKiB: ARGON2_PARAMS.memoryCost, iterations: ARGON2_PARAMS.timeCost, parallelism: ARGON2_PARAMS.parallelism };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
