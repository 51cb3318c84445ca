import type { TestProject } from 'vitest/node';
import { buildTestTemplate, destroyTestTemplate, testBackendFromEnv } from '@refugio/db/testing';
import { sealAuditEvents, seedDemo, syncAccessCatalogue, syncBuiltInCalendars } from '@refugio/domain/server';
import { TEST_PASSWORD } from './fixtures.ts';

/**
 * Builds the run's one migrated template with the permission catalogue and the demo accounts
 * (hashing ten passwords once here instead of in every file), then hands it to the workers.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const template = await buildTestTemplate(async (db) => {
    await syncAccessCatalogue(db);
    await syncBuiltInCalendars(db);
    await seedDemo(db, { password: TEST_PASSWORD });
    // As the server does at start (ADR 032): the template's events are in the chain.
    await sealAuditEvents(db);
  });
  console.log(`[integration] ${testBackendFromEnv()} template ready in ${Math.round(performance.now() - started)} ms`);
  project.provide('refugioTestTemplate', template);
  return () => destroyTestTemplate(template);
}
