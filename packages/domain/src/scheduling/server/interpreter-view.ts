import type { Queryable } from '@refugio/db';
import { AppError } from '../../shared/errors.ts';
import type { TInterpreter } from '../scheduling.schemas.ts';

/** The interpreter as the roster shows them (presenter). */
export const INTERPRETER_SELECT = `
  SELECT i.id, i.full_name AS "fullName", i.kind, i.sex, i.languages, i.modalities, i.office_ids AS "officeIds", i.availability,
         i.user_id AS "userId", u.username, i.active, i.notes, i.version
    FROM interpreters i LEFT JOIN users u ON u.id = i.user_id`;

export async function interpreterById(db: Queryable, id: string): Promise<TInterpreter> {
  const row = (await db.query<TInterpreter>(`${INTERPRETER_SELECT} WHERE i.id = $1`, [id])).rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A linked account must be an active user of the institution holding the interpreter role. */
export async function isInterpreterAccount(db: Queryable, userId: string, institutionId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
      WHERE u.id = $1 AND u.active AND u.institution_id = $2 AND r.code = 'interpreter'`, [userId, institutionId]);
  return (rowCount ?? 0) > 0;
}
