/**
 * The competency register: each person's grants (training, experience route, external
 * certificate), their renewal chain and revocations. Readers see their own, their offices',
 * their institution's or everyone's (read:competency:*); the coordinator records and revokes.
 */
import type { Database, Queryable } from '@refugio/db';
import type { z } from 'zod';
import type { Scope } from '../../../shared/permissions.ts';
import { recordAudit } from '../../../audit/server/index.ts';
import { AppError, fieldError } from '../../../shared/errors.ts';
import { type Actor, type RequestContext, actorOf } from '../../../shared/context.ts';

import type { TGrant, ZGrantInput, ZGrantQuery, ZRevokeGrant } from '../competencies.schemas.ts';
import { todayIn } from '../../../shared/time.ts';
import { peopleScopeCondition, requireScope } from '../../../shared/scope.ts';

/** Days before expiry a grant counts as "expiring" in the register. */
export const EXPIRING_SOON_DAYS = 90;

export function requireCompetencyReadScope(actor: Actor): Scope {
  return requireScope(actor, 'read', 'competency');
}

const GRANT_SELECT = `SELECT g.id, g.user_id AS "userId", u.full_name AS "userName", g.competency_code AS "competencyCode",
    coalesce(c.title ->> $1, c.title ->> 'es-MX', c.code) AS "competencyTitle", g.source, g.module_id AS "moduleId", g.evidence,
    g.granted_on::text AS "grantedOn", g.expires_on::text AS "expiresOn", g.renews_grant_id AS "renewsGrantId",
    g.revoked_at::text AS "revokedAt", g.revoked_reason AS "revokedReason",
    CASE WHEN g.revoked_at IS NOT NULL THEN 'revoked'
         WHEN g.granted_on > $2::date THEN 'not_yet'
         WHEN g.expires_on IS NOT NULL AND g.expires_on <= $2::date THEN 'expired'
         WHEN g.expires_on IS NOT NULL AND g.expires_on <= $2::date + ${EXPIRING_SOON_DAYS} THEN 'expiring'
         ELSE 'valid' END AS status
  FROM competency_grants g JOIN users u ON u.id = g.user_id JOIN competencies c ON c.code = g.competency_code`;

/** Grants in the caller's scope: one person's (default: the caller), or an office's; newest first. */
export async function listGrants(db: Queryable, ctx: RequestContext, query: z.infer<typeof ZGrantQuery>): Promise<TGrant[]> {
  const actor = actorOf(ctx);
  const scope = requireCompetencyReadScope(actor);
  const params: unknown[] = [actor.language, todayIn()];
  const where = [peopleScopeCondition(scope, actor, params)];
  if (query.officeId) {
    params.push(query.officeId);
    where.push(`u.id IN (SELECT user_id FROM user_offices WHERE office_id = $${params.length})`);
  } else {
    params.push(query.userId ?? actor.userId);
    where.push(`u.id = $${params.length}`);
  }
  if (!query.includeRevoked) where.push('g.revoked_at IS NULL');
  const { rows } = await db.query<TGrant>(
    `${GRANT_SELECT} WHERE ${where.join(' AND ')} ORDER BY u.full_name, c.code, g.granted_on DESC`, params);
  return rows;
}

async function loadGrant(db: Queryable, actor: Actor, id: string): Promise<TGrant> {
  const { rows } = await db.query<TGrant>(`${GRANT_SELECT} WHERE g.id = $3`, [actor.language, todayIn(), id]);
  if (!rows[0]) throw new AppError('NOT_FOUND');
  return rows[0];
}

/** The coordinator manages the register of their institution's staff only. */
async function requireManagedPerson(db: Queryable, actor: Actor, userId: string): Promise<void> {
  const { rows } = await db.query<{ institution_id: string }>('SELECT institution_id FROM users WHERE id = $1', [userId]);
  if (!rows[0]) throw fieldError('userId', 'validation.unknown_reference');
  if (rows[0].institution_id !== actor.institutionId) throw new AppError('FORBIDDEN');
}

/**
 * Records an experience-route or external-certificate grant with its evidence. When the person
 * already holds the competency validly on the new grant's date, the new grant renews it.
 */
export async function recordGrant(db: Database, ctx: RequestContext, input: z.infer<typeof ZGrantInput>): Promise<TGrant> {
  const actor = actorOf(ctx);
  if (input.expiresOn !== null && input.expiresOn <= input.grantedOn) throw fieldError('expiresOn', 'validation.range_reversed');
  if (input.grantedOn > todayIn()) throw fieldError('grantedOn', 'validation.date_in_future');
  return db.transaction(async (tx) => {
    await requireManagedPerson(tx, actor, input.userId);
    const known = await tx.query('SELECT 1 FROM competencies WHERE code = $1', [input.competencyCode]);
    if (known.rowCount === 0) throw fieldError('competencyCode', 'validation.unknown_reference');
    const renewed = await tx.query<{ id: string }>(
      `SELECT id FROM competency_grants WHERE user_id = $1 AND competency_code = $2
          AND grant_valid_on(revoked_at, granted_on, expires_on, $3::date)
        ORDER BY expires_on DESC NULLS FIRST LIMIT 1`,
      [input.userId, input.competencyCode, input.grantedOn]);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO competency_grants (user_id, competency_code, source, evidence, granted_on, expires_on, renews_grant_id, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [input.userId, input.competencyCode, input.source, input.evidence, input.grantedOn, input.expiresOn,
        renewed.rows[0]?.id ?? null, actor.userId]);
    const id = rows[0]!.id;
    await recordAudit(tx, ctx, {
      action: 'competency.granted', entityType: 'competency_grant', entityId: id,
      details: { userId: input.userId, competency: input.competencyCode, source: input.source, grantedOn: input.grantedOn,
        expiresOn: input.expiresOn, renews: renewed.rows[0]?.id ?? null },
    });
    return loadGrant(tx, actor, id);
  });
}

/** Revokes a grant with a reason (it stays in the register, marked revoked). */
export async function revokeGrant(db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZRevokeGrant>): Promise<TGrant> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const grant = await loadGrant(tx, actor, id);
    await requireManagedPerson(tx, actor, grant.userId);
    if (grant.revokedAt !== null) throw new AppError('INVALID_STATE', { extra: { reason: 'grant_revoked' } });
    await tx.query('UPDATE competency_grants SET revoked_at = now(), revoked_by = $2, revoked_reason = $3 WHERE id = $1',
      [id, actor.userId, input.reason]);
    await recordAudit(tx, ctx, {
      action: 'competency.revoked', entityType: 'competency_grant', entityId: id,
      details: { userId: grant.userId, competency: grant.competencyCode, reason: input.reason },
    });
    return loadGrant(tx, actor, id);
  });
}
