/**
 * A demo blended session whose records are still open, so the records page, the imports and the
 * certificates can be tried (and are, by e2e/training/records.spec.ts): the curriculum's
 * "Interviewing children" (ITC) run by COMAR in November 2025 with the demo trainer, three demo
 * staff enrolled, nothing recorded.
 * Its id is fixed so the page's address can be given in the README and the browser test.
 */
import type { Database } from '@refugio/db';

export const DEMO_RECORDS_SESSION_ID = '5e551017-0000-4000-8000-00000000c2a1';

export async function seedDemoTrainingRecords(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    // The curriculum's "Interviewing children" (reference data, migration 20261128151000).
    const { rows } = await tx.query<{ id: string }>(`SELECT id FROM training_modules WHERE code = 'ITC' AND operation_id = 1`);
    const moduleId = rows[0]!.id;
    await tx.query(
      `INSERT INTO training_sessions (id, module_id, code, format, institution_id, video_link, online_starts_on, online_ends_on, capacity, status)
       SELECT $1, $2, 'NNA-2025-11', 'blended', id, 'https://meet.jit.si/refugio-demo-nna', '2025-10-20', '2025-11-14', 30, 'in_progress'
         FROM institutions WHERE code = 'COMAR'`, [DEMO_RECORDS_SESSION_ID, moduleId]);
    await tx.query(
      `INSERT INTO training_session_days (session_id, day, starts_at, ends_at) VALUES ($1, '2025-11-18', '09:00', '13:00'), ($1, '2025-11-19', '09:00', '13:00')`,
      [DEMO_RECORDS_SESSION_ID]);
    await tx.query(
      `INSERT INTO trainers (user_id, full_name, organisation, country_code, languages, email)
       SELECT id, full_name, 'COMAR', 'MX', '{es,en}', email FROM users WHERE username = 'formador' ON CONFLICT (user_id) DO NOTHING`);
    await tx.query(
      `INSERT INTO training_session_trainers (session_id, trainer_id, lead)
       SELECT $1, t.id, true FROM trainers t JOIN users u ON u.id = t.user_id WHERE u.username = 'formador'`, [DEMO_RECORDS_SESSION_ID]);
    await tx.query(
      `INSERT INTO training_enrolments (session_id, user_id, status, decided_at)
       SELECT $1, id, 'enrolled', now() FROM users WHERE username IN ('elegibilidad', 'interprete', 'supervisor')`, [DEMO_RECORDS_SESSION_ID]);
  });
}
