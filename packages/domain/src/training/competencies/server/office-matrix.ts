import type { Queryable } from '@refugio/db';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';
import { type RequestContext, actorOf } from '../../../shared/context.ts';

import type { ZMatrix, ZMatrixQuery } from '../competencies.schemas.ts';
import { validityStatus } from '../gating.rules.ts';
import { peopleScopeCondition } from '../../../shared/scope.ts';
import { requireCompetencyReadScope } from './register.ts';
import { todayIn } from '../../../shared/time.ts';

/**
 * People × competencies of one office: for each, the grant that lasts longest among the
 * non-revoked ones already granted (valid, expiring within `soonDays`, expired) or none (missing).
 */
export async function getOfficeMatrix(db: Queryable, ctx: RequestContext, query: z.infer<typeof ZMatrixQuery>): Promise<z.infer<typeof ZMatrix>> {
  const actor = actorOf(ctx);
  const scope = requireCompetencyReadScope(actor);
  if (scope === 'own') throw new AppError('FORBIDDEN');
  const day = todayIn();
  const params: unknown[] = [query.officeId];
  const inScope = peopleScopeCondition(scope, actor, params);
  const people = await db.query<{ id: string; fullName: string; roles: string[] }>(
    `SELECT u.id, u.full_name AS "fullName",
            ARRAY(SELECT r.code FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id ORDER BY r.code) AS roles
       FROM users u
      WHERE u.active AND u.id IN (SELECT user_id FROM user_offices WHERE office_id = $1) AND ${inScope}
      ORDER BY u.full_name`, params);
  const competencies = await db.query<{ code: string; title: string }>(
    `SELECT code, coalesce(title ->> $1, title ->> 'es-MX', code) AS title FROM competencies ORDER BY code`, [actor.language]);
  // The longest-lasting grant per person and competency (NULL expiry lasts forever).
  const grants = await db.query<{ userId: string; code: string; expiresOn: string | null }>(
    `SELECT DISTINCT ON (g.user_id, g.competency_code) g.user_id AS "userId", g.competency_code AS code, g.expires_on::text AS "expiresOn"
       FROM competency_grants g
      WHERE g.user_id = ANY($1::uuid[]) AND g.revoked_at IS NULL AND g.granted_on <= $2::date
      ORDER BY g.user_id, g.competency_code, g.expires_on DESC NULLS FIRST`,
    [people.rows.map((p) => p.id), day]);
  const best = new Map(grants.rows.map((g) => [`${g.userId}/${g.code}`, g.expiresOn]));
  return {
    officeId: query.officeId, day, soonDays: query.soonDays,
    competencies: competencies.rows,
    people: people.rows.map((p) => ({
      ...p,
      cells: competencies.rows.map(({ code }) => {
        const key = `${p.id}/${code}`;
        const expiresOn = best.get(key) ?? null;
        return { code, expiresOn, status: best.has(key) ? validityStatus(expiresOn, day, query.soonDays) : 'missing' as const };
      }),
    })),
  };
}
