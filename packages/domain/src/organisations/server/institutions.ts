import type { Database, Queryable } from '@refugio/db';
import { z } from 'zod';
import { recordAudit, describeChanges } from '../../audit/server/index.ts';
import { AppError } from '../../shared/errors.ts';
import type { RequestContext } from '../../shared/context.ts';
import { versionConflict, withUniqueFields } from '../../shared/server/db-errors.ts';
import type { TInstitution, ZInstitutionInput, ZInstitutionUpdate } from '../organisations.schemas.ts';

const SELECT = `SELECT i.id, i.code, i.name, i.kind, i.active, i.version,
  (SELECT count(*) FROM offices o WHERE o.institution_id = i.id)::int AS "officeCount",
  (SELECT count(*) FROM users u WHERE u.institution_id = i.id)::int AS "userCount"
  FROM institutions i`;

export async function listInstitutions(db: Queryable): Promise<TInstitution[]> {
  return (await db.query<TInstitution>(`${SELECT} WHERE i.operation_id = 1 ORDER BY i.name`)).rows;
}

export async function getInstitution(db: Queryable, id: string): Promise<TInstitution> {
  const row = (await db.query<TInstitution>(`${SELECT} WHERE i.id = $1`, [id])).rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function createInstitution(
  db: Database, ctx: RequestContext, input: z.infer<typeof ZInstitutionInput>,
): Promise<TInstitution> {
  return withUniqueFields(() => db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      'INSERT INTO institutions (code, name, kind, active) VALUES ($1, $2, $3, $4) RETURNING id',
      [input.code, input.name, input.kind, input.active],
    );
    const id = rows[0]!.id;
    await recordAudit(tx, ctx, { action: 'institution.created', entityType: 'institution', entityId: id, details: { ...input } });
    return getInstitution(tx, id);
  }), 'code');
}

export async function updateInstitution(
  db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZInstitutionUpdate>,
): Promise<TInstitution> {
  return withUniqueFields(() => db.transaction(async (tx) => {
    const before = await getInstitution(tx, id);
    const { rowCount } = await tx.query(
      `UPDATE institutions SET code = COALESCE($3, code), name = COALESCE($4, name), kind = COALESCE($5, kind),
              active = COALESCE($6, active), version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, input.version, input.code ?? null, input.name ?? null, input.kind ?? null, input.active ?? null],
    );
    if (rowCount === 0) throw versionConflict(before);
    const after = await getInstitution(tx, id);
    await recordAudit(tx, ctx, {
      action: 'institution.updated', entityType: 'institution', entityId: id,
      details: { changes: describeChanges(before, { ...input, version: undefined }) },
    });
    return after;
  }), 'code');
}
