import type { Database, Queryable } from '@refugio/db';
import { z } from 'zod';
import { generatePassword, hashPassword } from '../../auth/server/index.ts';
import { recordAudit, describeChanges } from '../../audit/server/index.ts';
import { AppError, fieldError } from '../../shared/errors.ts';
import { actorOf, type Actor, type RequestContext } from '../../shared/context.ts';
import { versionConflict, withUniqueFields } from '../../shared/server/db-errors.ts';
import type { TUser, ZUserInput, ZUserQuery, ZUserUpdate } from '../organisations.schemas.ts';
import { peopleScopeCondition, requireScope } from '../../shared/scope.ts';

const SELECT = `SELECT u.id, u.username, u.full_name AS "fullName", u.email, u.language,
  u.institution_id AS "institutionId", i.code AS "institutionCode",
  COALESCE((SELECT json_agg(json_build_object('id', o.id, 'code', o.code, 'name', o.name) ORDER BY o.name)
              FROM user_offices uo JOIN offices o ON o.id = uo.office_id WHERE uo.user_id = u.id), '[]') AS offices,
  COALESCE((SELECT array_agg(r.code ORDER BY r.code) FROM user_roles ur JOIN roles r ON r.id = ur.role_id
             WHERE ur.user_id = u.id), '{}') AS "roleCodes",
  u.active, u.totp_enabled_at IS NOT NULL AS "totpEnabled", COALESCE(u.locked_until > now(), false)
    OR EXISTS (SELECT 1 FROM login_throttles lt WHERE lt.username = lower(u.username) AND lt.held_until > now()) AS locked,
  to_char(u.last_login_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "lastLoginAt", u.version
  FROM users u JOIN institutions i ON i.id = u.institution_id`;


export async function listUsers(
  db: Queryable, actor: Actor, query: z.infer<typeof ZUserQuery>,
): Promise<{ items: TUser[]; total: number }> {
  const params: unknown[] = [];
  const where = [peopleScopeCondition(requireScope(actor, 'read', 'user'), actor, params)];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (query.q) add(`(u.username ILIKE ? OR u.full_name ILIKE ? OR u.email ILIKE ?)`, `%${query.q.replace(/[%_\\]/g, '\\$&')}%`);
  if (query.institutionId) add('u.institution_id = ?', query.institutionId);
  if (query.officeId) add('u.id IN (SELECT user_id FROM user_offices WHERE office_id = ?)', query.officeId);
  if (query.role) add('u.id IN (SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.code = ?)', query.role);
  if (query.active !== undefined) add('u.active = ?', query.active);
  const whereSql = where.join(' AND ');
  const total = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users u WHERE ${whereSql}`, params)).rows[0]?.n ?? 0;
  const { rows } = await db.query<TUser>(
    `${SELECT} WHERE ${whereSql} ORDER BY u.username LIMIT ${query.limit} OFFSET ${query.offset}`, params);
  return { items: rows, total };
}

export async function getUser(db: Queryable, actor: Actor, id: string, action: 'read' | 'manage' = 'read'): Promise<TUser> {
  const params: unknown[] = [id];
  const condition = peopleScopeCondition(requireScope(actor, action, 'user'), actor, params);
  const row = (await db.query<TUser>(`${SELECT} WHERE u.id = $1 AND ${condition}`, params)).rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Whoever may edit roles (`manage:role:all`) can already give any permission to any role, so
 * holding every permission they grant would only be friction: an administrator who keeps no
 * access to case files must still be able to create the clerks and officers who do.
 */
function mayGrantAnything(actor: Actor): boolean {
  return actor.permissions.has('manage:role:all');
}

/** Resolves role codes and checks the actor could hold every permission they grant. */
async function checkGrantableRoles(tx: Queryable, actor: Actor, roleCodes: readonly string[]): Promise<string[]> {
  const { rows } = await tx.query<{ id: string; code: string; permissions: string[] }>(
    `SELECT r.id, r.code, COALESCE(array_agg(rp.permission_code) FILTER (WHERE rp.permission_code IS NOT NULL), '{}') AS permissions
       FROM roles r LEFT JOIN role_permissions rp ON rp.role_id = r.id
      WHERE r.code = ANY($1::text[]) AND r.operation_id = 1 GROUP BY r.id, r.code`,
    [roleCodes],
  );
  const known = new Set(rows.map((r) => r.code));
  const unknownIndex = roleCodes.findIndex((code) => !known.has(code));
  if (unknownIndex >= 0) throw fieldError(`roleCodes.${unknownIndex}`, 'validation.unknown_reference');
  for (const role of rows) {
    if (!mayGrantAnything(actor) && role.permissions.some((p) => !actor.permissions.has(p))) {
      throw fieldError(`roleCodes.${roleCodes.indexOf(role.code)}`, 'validation.role_not_grantable');
    }
  }
  return rows.map((r) => r.id);
}

/**
 * A manager acts only on accounts whose every permission they hold themselves; otherwise an
 * institution-level manager could reset an administrator's password and sign in as them.
 */
async function requireManageable(tx: Queryable, actor: Actor, userId: string): Promise<void> {
  const { rows } = await tx.query<{ code: string }>(
    `SELECT DISTINCT rp.permission_code AS code FROM user_roles ur
       JOIN role_permissions rp ON rp.role_id = ur.role_id WHERE ur.user_id = $1`,
    [userId],
  );
  if (!mayGrantAnything(actor) && rows.some((r) => !actor.permissions.has(r.code))) throw new AppError('FORBIDDEN');
}

async function checkOffices(tx: Queryable, institutionId: string, officeIds: readonly string[]): Promise<void> {
  const { rows } = await tx.query<{ id: string; institution_id: string }>(
    'SELECT id, institution_id FROM offices WHERE id = ANY($1::uuid[])', [officeIds]);
  officeIds.forEach((officeId, index) => {
    const office = rows.find((r) => r.id === officeId);
    if (!office) throw fieldError(`officeIds.${index}`, 'validation.unknown_reference');
    if (office.institution_id !== institutionId) throw fieldError(`officeIds.${index}`, 'validation.office_institution_mismatch');
  });
}

async function setMemberships(tx: Queryable, userId: string, officeIds?: readonly string[], roleIds?: readonly string[]) {
  if (officeIds) {
    await tx.query('DELETE FROM user_offices WHERE user_id = $1', [userId]);
    await tx.query('INSERT INTO user_offices (user_id, office_id) SELECT $1, unnest($2::uuid[])', [userId, officeIds]);
  }
  if (roleIds) {
    await tx.query('DELETE FROM user_roles WHERE user_id = $1', [userId]);
    await tx.query('INSERT INTO user_roles (user_id, role_id) SELECT $1, unnest($2::uuid[])', [userId, roleIds]);
  }
}

export async function createUser(
  db: Database, ctx: RequestContext, input: z.infer<typeof ZUserInput>,
): Promise<{ user: TUser; temporaryPassword: string | null }> {
  const actor = actorOf(ctx);
  const scope = requireScope(actor, 'manage', 'user');
  if (scope !== 'all' && input.institutionId !== actor.institutionId) throw fieldError('institutionId', 'validation.invalid_option');
  const temporaryPassword = input.password ? null : generatePassword();
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  return withUniqueFields(() => db.transaction(async (tx) => {
    const institution = await tx.query('SELECT 1 FROM institutions WHERE id = $1', [input.institutionId]);
    if (institution.rowCount === 0) throw fieldError('institutionId', 'validation.unknown_reference');
    await checkOffices(tx, input.institutionId, input.officeIds);
    const roleIds = await checkGrantableRoles(tx, actor, input.roleCodes);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO users (username, full_name, email, language, institution_id, password_hash, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [input.username, input.fullName, input.email, input.language, input.institutionId, passwordHash, temporaryPassword !== null],
    );
    const id = rows[0]!.id;
    await setMemberships(tx, id, input.officeIds, roleIds);
    const { password: _omitted, ...recorded } = input;
    await recordAudit(tx, ctx, { action: 'user.created', entityType: 'user', entityId: id, officeId: input.officeIds[0] ?? null, details: recorded });
    return { user: await getUser(tx, actor, id, 'manage'), temporaryPassword };
  }), 'username');
}

export async function updateUser(
  db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZUserUpdate>,
): Promise<TUser> {
  const actor = actorOf(ctx);
  if (id === actor.userId && (input.active === false || input.roleCodes)) {
    throw fieldError(input.active === false ? 'active' : 'roleCodes', 'validation.cannot_remove_own_admin');
  }
  return db.transaction(async (tx) => {
    const before = await getUser(tx, actor, id, 'manage');
    await requireManageable(tx, actor, id);
    if (input.officeIds) await checkOffices(tx, before.institutionId, input.officeIds);
    const roleIds = input.roleCodes ? await checkGrantableRoles(tx, actor, input.roleCodes) : undefined;
    const { rowCount } = await tx.query(
      `UPDATE users SET full_name = COALESCE($3, full_name), email = CASE WHEN $4::boolean THEN $5 ELSE email END,
              language = COALESCE($6, language), active = COALESCE($7, active), version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, input.version, input.fullName ?? null, input.email !== undefined, input.email ?? null, input.language ?? null,
        input.active ?? null],
    );
    if (rowCount === 0) throw versionConflict(before);
    await setMemberships(tx, id, input.officeIds, roleIds);
    if (input.active === false) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    const after = await getUser(tx, actor, id, 'manage');
    const changes = describeChanges(
      { ...before, officeIds: before.offices.map((o) => o.id) },
      { fullName: input.fullName, email: input.email, language: input.language, active: input.active,
        officeIds: input.officeIds, roleCodes: input.roleCodes ? after.roleCodes : undefined },
    );
    await recordAudit(tx, ctx, { action: 'user.updated', entityType: 'user', entityId: id, details: { changes } });
    if (input.active !== undefined && input.active !== before.active) {
      await recordAudit(tx, ctx, { action: input.active ? 'user.enabled' : 'user.disabled', entityType: 'user', entityId: id });
    }
    return after;
  });
}

/** Sets a generated one-time password, closes the user's sessions and lifts any lock. */
export async function resetUserPassword(db: Database, ctx: RequestContext, id: string): Promise<{ temporaryPassword: string }> {
  const actor = actorOf(ctx);
  await getUser(db, actor, id, 'manage');
  await requireManageable(db, actor, id);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE users SET password_hash = $2, must_change_password = true, failed_logins = 0, locked_until = NULL,
              password_changed_at = now(), version = version + 1, updated_at = now() WHERE id = $1`,
      [id, passwordHash],
    );
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    // The holds of addresses off this username go too: the person may have held themself off trying to remember.
    await tx.query('DELETE FROM login_throttles WHERE username = (SELECT lower(username) FROM users WHERE id = $1)', [id]);
    await recordAudit(tx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id });
  });
  return { temporaryPassword };
}
