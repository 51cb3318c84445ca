import { migrate, openDatabase, type Database, type DatabaseConfig } from '@refugio/db';
import {
  isDatabaseEmpty, seedDemo, seedDemoCoiLibrary, seedDemoImpact, seedDemoIntake, seedDemoInterviews, seedDemoNeedsAssessment, seedDemoResults,
  seedDemoTrainingLibrary, seedDemoTrainingRecords, syncAccessCatalogue,
  syncBuiltInCalendars,
} from '@refugio/domain/server';

/** Opens the database and brings it to the current schema, permission catalogue and built-in calendars. */
export async function openReadyDatabase(config: DatabaseConfig): Promise<Database> {
  const db = await openDatabase(config);
  await migrate(db);
  await syncAccessCatalogue(db);
  await syncBuiltInCalendars(db);
  return db;
}

/** Seeds demo data into an empty database; returns the credentials to print once, or null. */
export async function seedDemoIfEmpty(db: Database, password: string | undefined) {
  if (!(await isDatabaseEmpty(db))) return null;
  const credentials = await seedDemo(db, { password });
  // A few claims and referrals, so the intake pages do not open empty.
  await seedDemoIntake(db);
  // Practical guides linked to their modules; the trainer roster with certifications per module.
  await seedDemoTrainingLibrary(db);
  // A training session with open records: imports, completion and certificates to try.
  await seedDemoTrainingRecords(db);
  // A needs assessment under way, with two answers and a proposed plan.
  await seedDemoNeedsAssessment(db);
  // COMAR's and INM's interview questionnaires (EUAA stages), as each authority would install them.
  await seedDemoInterviews(db);
  // Public country reports in the COI library, one of them past the age limit.
  await seedDemoCoiLibrary(db);
  // Two years of closed claims across the offices, so the results dashboards show figures.
  await seedDemoResults(db);
  // Officers trained and untrained with a year of decisions before and after an action, and the
  // action's good-practice evaluation: the coordinator's impact and evaluation pages (ADR 049).
  await seedDemoImpact(db);
  return credentials;
}
