import type { Database, Queryable } from '@refugio/db';
import { z } from 'zod';
import { describeChanges, recordAudit } from '../../audit/server/index.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import type { RequestContext } from '../../shared/context.ts';
import { versionConflict, withUniqueFields } from '../../shared/server/db-errors.ts';
import type { TOffice, ZOfficeInput, ZOfficeUpdate } from '../organisations.schemas.ts';

const SELECT = `SELECT o.id, o.institution_id AS "institutionId", i.code AS "institutionCode", o.code, o.name,
  o.kind, o.state_code AS "stateCode", o.municipality, o.served_state_codes AS "servedStateCodes",
  o.time_zone AS "timeZone", o.active, o.version
  FROM offices o JOIN institutions i ON i.id = o.institution_id`;

export async function listOffices(db: Queryable, filter: { institutionId?: string | undefined } = {}): Promise<TOffice[]> {
  const { rows } = await db.query<TOffice>(
    `${SELECT} WHERE o.operation_id = 1 AND ($1::uuid IS NULL OR o.institution_id = $1) ORDER BY i.code, o.name`,
    [filter.institutionId ?? null],
  );
  return rows;
}

export async function getOffice(db: Queryable, id: string): Promise<TOffice> {
  const row = (await db.query<TOffice>(`${SELECT} WHERE o.id = $1`, [id])).rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function createOffice(db: Database, ctx: RequestContext, input: z.infer<typeof ZOfficeInput>): Promise<TOffice> {
  return withUniqueFields(() => db.transaction(async (tx) => {
    // Checked here so the error names the field; a foreign-key violation could not.
    const institution = await tx.query('SELECT 1 FROM institutions WHERE id = $1', [input.institutionId]);
    if (institution.rowCount === 0) throw fieldError('institutionId', 'validation.unknown_reference');
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO offices (institution_id, code, name, kind, state_code, municipality, served_state_codes, time_zone, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [input.institutionId, input.code, input.name, input.kind, input.stateCode, input.municipality,
        input.servedStateCodes, input.timeZone, input.active],
    );
    const id = rows[0]!.id;
    await recordAudit(tx, ctx, { action: 'office.created', entityType: 'office', entityId: id, officeId: id, details: { ...input } });
    return getOffice(tx, id);
  }), 'code');
}

export async function updateOffice(
  db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZOfficeUpdate>,
): Promise<TOffice> {
  return withUniqueFields(() => db.transaction(async (tx) => {
    const before = await getOffice(tx, id);
    const { rowCount } = await tx.query(
      `UPDATE offices SET code = COALESCE($3, code), name = COALESCE($4, name), kind = COALESCE($5, kind),
              state_code = COALESCE($6, state_code),
              municipality = CASE WHEN $7::boolean THEN $8 ELSE municipality END,
              served_state_codes = COALESCE($9, served_state_codes), active = COALESCE($10, active),
              time_zone = COALESCE($11, time_zone),
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, input.version, input.code ?? null, input.name ?? null, input.kind ?? null, input.stateCode ?? null,
        input.municipality !== undefined, input.municipality ?? null, input.servedStateCodes ?? null, input.active ?? null,
        input.timeZone ?? null],
    );
    if (rowCount === 0) throw versionConflict(before);
    await recordAudit(tx, ctx, {
      action: 'office.updated', entityType: 'office', entityId: id, officeId: id,
      details: { changes: describeChanges(before, { ...input, version: undefined }) },
    });
    return getOffice(tx, id);
  }), 'code');
}
