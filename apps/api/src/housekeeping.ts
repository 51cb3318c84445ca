import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '@refugio/db';
import { auditHeadUncheckpointed, purgeSignInThrottles, refreshResultsIfStale, sealAuditEvents, writeAuditCheckpoint, type AuditSigningKey } from '@refugio/domain/server';

/**
 * One round of the server's periodic work: a signed checkpoint of the audit chain when events
 * were added since the last one (ADR 022), and forgetting sign-in throttling state nobody has
 * touched for a day (ADR 021). Every API process runs it; a checkpoint of an event another
 * process already signed is not written twice.
 */
export async function runHousekeeping(db: Database, key: AuditSigningKey, log: FastifyBaseLogger): Promise<void> {
  // What committed since the sealer's last round gets its place first, so the checkpoint is of the newest.
  await sealAuditEvents(db);
  if (await auditHeadUncheckpointed(db)) {
    const result = await writeAuditCheckpoint(db, key);
    if (result.status === 'refused') {
      // Loud on purpose: the trail no longer verifies, and nothing will be signed until someone looks.
      log.error({ verification: result.verification }, 'audit chain does not verify: checkpoint NOT signed; run `refugio audit verify`');
    } else if (result.status === 'written') {
      log.info({ seq: result.anchor.seq, keyId: result.anchor.keyId }, 'audit checkpoint signed');
    }
  }
  await purgeSignInThrottles(db);
}

/** Runs housekeeping now and every `minutes`; returns the stop function. */
export function startHousekeeping(db: Database, key: AuditSigningKey, minutes: number, log: FastifyBaseLogger): () => void {
  const round = () => runHousekeeping(db, key, log).catch((error: unknown) => log.error({ err: error }, 'housekeeping failed'));
  void round();
  const timer = setInterval(() => void round(), minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Seals committed audit events into the chain every `ms` (ADR 032). A round that is still running
 * when the next is due is not doubled. The returned function stops the timer and seals once more,
 * so a clean shutdown leaves nothing unsealed.
 */
export function startAuditSealer(db: Database, ms: number, log: FastifyBaseLogger): () => Promise<void> {
  let running: Promise<void> | null = null;
  const round = () => {
    running ??= sealAuditEvents(db)
      .then(() => undefined, (error: unknown) => log.error({ err: error }, 'sealing audit events failed'))
      .finally(() => { running = null; });
    return running;
  };
  const timer = setInterval(() => void round(), ms);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await sealAuditEvents(db);
  };
}

/**
 * Rebuilds the results summaries (ADR 040) when they are older than `minutes`: at start, so the
 * dashboards of a fresh demo show figures, then every `minutes`. There is no job queue yet; this
 * timer is the periodic runner, and the summaries' "as of" time tells readers how fresh they are.
 */
export function startResultsRefresh(db: Database, minutes: number, log: FastifyBaseLogger): () => void {
  const round = () => refreshResultsIfStale(db, minutes)
    .then((result) => { if (result) log.info({ rows: result.rows, durationMs: result.durationMs }, 'results summaries refreshed'); })
    .catch((error: unknown) => log.error({ err: error }, 'results refresh failed'));
  void round();
  const timer = setInterval(() => void round(), minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
