import type { Queryable } from '@refugio/db';
import type { Language } from '../../../shared/limits.ts';
import type { TMyGuide, TSessionGuide } from '../sessions.schemas.ts';

/**
 * The version of each of a session's guides that a reader in `language` is given: the latest in
 * that language, else the latest in Spanish, else the latest in any other language (ADR 015).
 * Parameters: $1 language, $2 session id.
 */
const RESOLVED = `SELECT DISTINCT ON (sg.guide_code) sg.guide_code AS code, g.id AS "guideId", g.title, g.language, g.version, g.kind, g.url,
       g.file_name AS "fileName"
  FROM training_session_guides sg
  JOIN training_guides g ON g.operation_id = sg.operation_id AND g.code = sg.guide_code
 WHERE sg.session_id = $2
 ORDER BY sg.guide_code, (g.language = $1) DESC, (g.language = 'es-MX') DESC, g.language, g.version DESC`;

/**
 * A session's pre-reading; with `progress`, how many enrolled participants acknowledged each
 * guide (any version of its code counts) and who has not yet.
 */
export async function sessionGuides(db: Queryable, sessionId: string, language: Language, progress: boolean): Promise<TSessionGuide[]> {
  const { rows } = await db.query<Omit<TSessionGuide, 'progress'>>(`SELECT * FROM (${RESOLVED}) r ORDER BY title, code`, [language, sessionId]);
  if (!progress) return rows.map((r) => ({ ...r, progress: null }));
  const readers = (await db.query<{ code: string; userId: string; fullName: string; read: boolean }>(
    `SELECT sg.guide_code AS code, e.user_id AS "userId", u.full_name AS "fullName",
            EXISTS (SELECT 1 FROM training_guide_acknowledgements a JOIN training_guides g ON g.id = a.guide_id
                     WHERE a.enrolment_id = e.id AND g.code = sg.guide_code AND g.operation_id = sg.operation_id) AS read
       FROM training_session_guides sg
       JOIN training_enrolments e ON e.session_id = sg.session_id AND e.status = 'enrolled'
       JOIN users u ON u.id = e.user_id
      WHERE sg.session_id = $1 ORDER BY u.full_name`, [sessionId])).rows;
  return rows.map((r) => {
    const mine = readers.filter((x) => x.code === r.code);
    return {
      ...r,
      progress: {
        acknowledged: mine.filter((x) => x.read).length,
        enrolled: mine.length,
        pending: mine.filter((x) => !x.read).map(({ userId, fullName }) => ({ userId, fullName })),
      },
    };
  });
}

/** The pre-reading of each of these enrolments (enrolled ones only), for their participant, with when they read it. */
export async function enrolmentGuides(db: Queryable, enrolments: ReadonlyArray<{ enrolmentId: string; sessionId: string; status: string }>,
  language: Language): Promise<Map<string, TMyGuide[]>> {
  const out = new Map<string, TMyGuide[]>();
  for (const e of enrolments) {
    if (e.status !== 'enrolled') {
      out.set(e.enrolmentId, []);
      continue;
    }
    const { rows } = await db.query<TMyGuide>(
      `SELECT r.*, (SELECT to_json(max(a.acknowledged_at)) #>> '{}' FROM training_guide_acknowledgements a JOIN training_guides g ON g.id = a.guide_id
                     WHERE a.enrolment_id = $3 AND g.code = r.code) AS "acknowledgedAt"
         FROM (${RESOLVED}) r ORDER BY r.title, r.code`, [language, e.sessionId, e.enrolmentId]);
    out.set(e.enrolmentId, rows);
  }
  return out;
}
