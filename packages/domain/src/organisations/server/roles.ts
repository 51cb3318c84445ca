import type { Database, Queryable } from '@refugio/db';
import { z } from 'zod';
import { BUILT_IN_ROLES, PERMISSIONS, ROLE_CODES, parsePermission, withImpliedScopes } from '../../shared/permissions.ts';
import { recordAudit, describeChanges } from '../../audit/server/index.ts';
import { AppError } from '../../shared/errors.ts';
import type { RequestContext } from '../../shared/context.ts';
import { versionConflict, withUniqueFields } from '../../shared/server/db-errors.ts';
import type { TRole, ZRoleInput, ZRoleUpdate } from '../organisations.schemas.ts';

const SELECT = `SELECT r.id, r.code, r.name, r.description, r.requires_totp AS "requiresTotp", r.built_in AS "builtIn",
  r.version,
  COALESCE((SELECT array_agg(rp.permission_code ORDER BY rp.permission_code) FROM role_permissions rp
             WHERE rp.role_id = r.id), '{}') AS permissions,
  (SELECT count(*) FROM user_roles ur WHERE ur.role_id = r.id)::int AS "userCount"
  FROM roles r`;

export async function listRoles(db: Queryable): Promise<TRole[]> {
  return (await db.query<TRole>(`${SELECT} WHERE r.operation_id = 1 ORDER BY r.built_in DESC, r.code`)).rows;
}

export async function getRole(db: Queryable, id: string): Promise<TRole> {
  const row = (await db.query<TRole>(`${SELECT} WHERE r.id = $1`, [id])).rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function setPermissions(tx: Queryable, roleId: string, permissions: readonly string[]): Promise<void> {
  await tx.query('DELETE FROM role_permissions WHERE role_id = $1', [roleId]);
  await tx.query(
    'INSERT INTO role_permissions (role_id, permission_code) SELECT $1, unnest($2::text[])',
    [roleId, withImpliedScopes(permissions)],
  );
}

export async function createRole(db: Database, ctx: RequestContext, input: z.infer<typeof ZRoleInput>): Promise<TRole> {
  return withUniqueFields(() => db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      'INSERT INTO roles (code, name, description, requires_totp) VALUES ($1, $2, $3, $4) RETURNING id',
      [input.code, input.name, input.description, input.requiresTotp],
    );
    const id = rows[0]!.id;
    await setPermissions(tx, id, input.permissions);
    const role = await getRole(tx, id);
    await recordAudit(tx, ctx, { action: 'role.created', entityType: 'role', entityId: id, details: { code: role.code, permissions: role.permissions } });
    return role;
  }), 'code');
}

export async function updateRole(
  db: Database, ctx: RequestContext, id: string, input: z.infer<typeof ZRoleUpdate>,
): Promise<TRole> {
  return db.transaction(async (tx) => {
    const before = await getRole(tx, id);
    const { rowCount } = await tx.query(
      `UPDATE roles SET name = COALESCE($3, name), description = COALESCE($4, description),
              requires_totp = COALESCE($5, requires_totp), version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, input.version, input.name ?? null, input.description ?? null, input.requiresTotp ?? null],
    );
    if (rowCount === 0) throw versionConflict(before);
    if (input.permissions) await setPermissions(tx, id, input.permissions);
    const after = await getRole(tx, id);
    await recordAudit(tx, ctx, {
      action: 'role.updated', entityType: 'role', entityId: id,
      details: { changes: describeChanges(before, { name: input.name, description: input.description,
        requiresTotp: input.requiresTotp, permissions: input.permissions ? after.permissions : undefined }) },
    });
    return after;
  });
}

/**
 * Keeps the permission catalogue equal to the code's list and installs missing built-in roles.
 * Runs at every start; existing roles keep whatever an administrator made of them, except that a
 * permission new to this database (a feature arriving with an upgrade) goes to the built-in roles
 * whose definition holds it: otherwise nobody could use the feature until an administrator noticed.
 */
export async function syncAccessCatalogue(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    const added: string[] = [];
    for (const code of PERMISSIONS) {
      const { action, entity, scope } = parsePermission(code);
      const { rows } = await tx.query<{ code: string }>(
        `INSERT INTO permissions (code, action, entity, scope) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO NOTHING RETURNING code`,
        [code, action, entity, scope],
      );
      if (rows[0]) added.push(rows[0].code);
    }
    for (const code of ROLE_CODES) {
      const granted = withImpliedScopes(BUILT_IN_ROLES[code].permissions).filter((p) => added.includes(p));
      if (granted.length === 0) continue;
      await tx.query(
        `INSERT INTO role_permissions (role_id, permission_code)
         SELECT r.id, unnest($2::text[]) FROM roles r WHERE r.code = $1 AND r.built_in
         ON CONFLICT DO NOTHING`,
        [code, granted],
      );
    }
    await tx.query('DELETE FROM permissions WHERE NOT (code = ANY($1::text[]))', [PERMISSIONS]);
    for (const code of ROLE_CODES) {
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO roles (code, name, requires_totp, built_in) VALUES ($1, $1, $2, true)
         ON CONFLICT (operation_id, code) DO NOTHING RETURNING id`,
        [code, BUILT_IN_ROLES[code].requiresTotp],
      );
      if (rows[0]) await setPermissions(tx, rows[0].id, BUILT_IN_ROLES[code].permissions);
    }
  });
}
