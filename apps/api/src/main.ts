import { loadAuditSigningKey, sealAuditEvents } from '@refugio/domain/server';
import { buildApp } from './app.ts';
import { openReadyDatabase, seedDemoIfEmpty } from './bootstrap.ts';
import { configFromEnv } from './config.ts';
import { startAuditSealer, startHousekeeping, startResultsRefresh } from './housekeeping.ts';

const startedAt = performance.now();
const config = configFromEnv();
const db = await openReadyDatabase(config.database);
if (config.demo) {
  const credentials = await seedDemoIfEmpty(db, config.demoPassword);
  if (credentials) {
    // A password the operator chose is not echoed; generated ones are shown this once only.
    const lines = credentials.map((c) => `  ${c.username.padEnd(14)} ${config.demoPassword ? '' : c.password}`.trimEnd());
    const source = config.demoPassword ? 'the one in REFUGIO_DEMO_PASSWORD' : 'generated; shown only this once';
    console.log(`\nDemo data seeded. Accounts (password: ${source}):\n${lines.join('\n')}\n`);
  }
}
// Events a crash left committed but unsealed get their place before the server takes requests (ADR 032).
const sealedAtStart = await sealAuditEvents(db);
const app = await buildApp({ db, config });
if (sealedAtStart > 0) app.log.warn({ sealed: sealedAtStart }, 'sealed audit events left unsealed by the last run');
const stopSealer = startAuditSealer(db, config.auditSealMs, app.log);
// The key that signs audit checkpoints lives outside the database (ADR 022).
const auditKey = await loadAuditSigningKey({ env: process.env, dataDir: config.database.dataDir, create: true });
if (!auditKey) throw new Error('No audit signing key could be read or created');
const stopHousekeeping = startHousekeeping(db, auditKey, config.auditCheckpointMinutes, app.log);
const stopResultsRefresh = startResultsRefresh(db, config.results.refreshMinutes, app.log);
app.log.info({ keyId: auditKey.keyId, publicKey: auditKey.publicKey, source: auditKey.source }, 'audit checkpoints signed with this key');

async function shutdown(signal: string) {
  app.log.info({ signal }, 'shutting down');
  stopHousekeeping();
  stopResultsRefresh();
  await app.close();
  // After the last request: every event it recorded is sealed before the database closes.
  await stopSealer();
  await db.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.debug({ database: db.kind, readyMs: Math.round(performance.now() - startedAt) }, 'listening');
console.log(`Refugio is ready at http://${config.host}:${config.port} (${db.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'}, ${Math.round(performance.now() - startedAt)} ms)`);
