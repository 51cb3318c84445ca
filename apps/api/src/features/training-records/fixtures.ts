/**
 * A blended session of the "Interviewing children" module run by COMAR, with two days, the demo
 * trainer, and enrolled demo users, inserted with SQL (sessions and enrolments have their own use
 * cases and tests; these tests only need rows to record against).
 */
import type { Database } from '@refugio/db';

export interface RecordsFixture {
  moduleId: string;
  sessionId: string;
  dayIds: [string, string];
  days: [string, string];
  enrolments: Record<string, string>;
}

export async function createRecordsFixture(db: Database, options: {
  code: string; participants: string[]; validityMonths?: number | null; days?: [string, string]; institution?: string;
}): Promise<RecordsFixture> {
  const days = options.days ?? ['2025-10-06', '2025-10-07'];
  const one = async <T extends object>(sql: string, params: unknown[]) => (await db.query<T>(sql, params)).rows[0]!;
  const module = await one<{ id: string }>(
    `INSERT INTO training_modules (code, title, level, formats, online_hours, face_to_face_days, validity_months, completion_rule)
     VALUES ($1, '{"es-MX":"Entrevista a niñas, niños y adolescentes","en":"Interviewing children","fr":"Entretien avec les enfants"}',
             'advanced', '{blended}', 20, 2, $2, '{"online":true,"attendance":true,"attendancePct":80,"passMark":70}') RETURNING id`,
    [`MOD-${options.code}`, options.validityMonths === undefined ? 36 : options.validityMonths]);
  await db.query(`INSERT INTO training_module_competencies (module_id, competency_code) VALUES ($1, 'interviewing_children')`, [module.id]);
  const session = await one<{ id: string }>(
    `INSERT INTO training_sessions (module_id, code, format, institution_id, capacity, status, online_starts_on)
     SELECT $1, $2, 'blended', id, 200, 'in_progress', $3::date - 30 FROM institutions WHERE code = $4 RETURNING id`,
    [module.id, options.code, days[0], options.institution ?? 'COMAR']);
  const dayIds = [] as unknown as [string, string];
  for (const day of days) {
    dayIds.push((await one<{ id: string }>(
      `INSERT INTO training_session_days (session_id, day, starts_at, ends_at) VALUES ($1, $2, '09:00', '13:00') RETURNING id`, [session.id, day])).id);
  }
  await db.query(
    `INSERT INTO trainers (user_id, full_name, organisation, country_code) SELECT id, full_name, 'COMAR', 'MX' FROM users WHERE username = 'formador'
     ON CONFLICT (user_id) DO NOTHING`, []);
  await db.query(
    `INSERT INTO training_session_trainers (session_id, trainer_id, lead) SELECT $1, t.id, true FROM trainers t JOIN users u ON u.id = t.user_id
      WHERE u.username = 'formador'`, [session.id]);
  const enrolments: Record<string, string> = {};
  for (const username of options.participants) {
    enrolments[username] = (await one<{ id: string }>(
      `INSERT INTO training_enrolments (session_id, user_id, status) SELECT $1, id, 'enrolled' FROM users WHERE username = $2 RETURNING id`,
      [session.id, username])).id;
  }
  return { moduleId: module.id, sessionId: session.id, dayIds, days, enrolments };
}
