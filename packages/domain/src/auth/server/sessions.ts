import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '@refugio/db';
import type { Actor } from '../../shared/context.ts';
import { isLanguage, DEFAULT_LANGUAGE } from '../../shared/limits.ts';
import type { AuthSettings } from '../auth.settings.ts';
import type { TMe } from '../auth.schemas.ts';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the digest of a token is stored: a leaked table does not yield usable cookies. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function openSession(
  tx: Queryable,
  userId: string,
  settings: AuthSettings,
  client: { ip?: string | undefined; userAgent?: string | undefined },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await tx.query(
    `INSERT INTO sessions (id, user_id, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4), $5, $6)`,
    [tokenDigest(token), userId, csrfToken, settings.absoluteTimeoutHours, client.ip ?? null,
      client.userAgent?.slice(0, 300) ?? null],
  );
  return { token, csrfToken };
}

export interface LoadedSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  me: TMe;
}

interface SessionRow {
  sid: string;
  csrf_token: string;
  idle_expired: boolean;
  touch: boolean;
  user_id: string;
  username: string;
  full_name: string;
  email: string | null;
  language: string;
  operation_id: number;
  institution_id: string;
  institution_code: string;
  institution_name: string;
  active: boolean;
  totp_enabled: boolean;
  must_change_password: boolean;
  roles: string[];
  permissions: string[];
  totp_required: boolean;
  offices: Array<{ id: string; code: string; name: string }>;
}

/** Resolves a cookie token to the acting user, enforcing idle and absolute timeouts. */
export async function loadSession(db: Queryable, token: string, settings: AuthSettings): Promise<LoadedSession | null> {
  const id = tokenDigest(token);
  const { rows } = await db.query<SessionRow>(
    `SELECT s.id AS sid, s.csrf_token,
            s.last_seen_at < now() - make_interval(mins => $2) AS idle_expired,
            s.last_seen_at < now() - interval '30 seconds' AS touch,
            u.id AS user_id, u.username, u.full_name, u.email, u.language, u.operation_id, u.institution_id,
            i.code AS institution_code, i.name AS institution_name, u.active,
            u.totp_enabled_at IS NOT NULL AS totp_enabled, u.must_change_password,
            COALESCE((SELECT array_agg(r.code ORDER BY r.code) FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                       WHERE ur.user_id = u.id), '{}') AS roles,
            COALESCE((SELECT array_agg(DISTINCT rp.permission_code) FROM user_roles ur
                       JOIN role_permissions rp ON rp.role_id = ur.role_id WHERE ur.user_id = u.id), '{}') AS permissions,
            EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                     WHERE ur.user_id = u.id AND r.requires_totp) AS totp_required,
            COALESCE((SELECT json_agg(json_build_object('id', o.id, 'code', o.code, 'name', o.name) ORDER BY o.name)
                        FROM user_offices uo JOIN offices o ON o.id = uo.office_id WHERE uo.user_id = u.id), '[]') AS offices
       FROM sessions s JOIN users u ON u.id = s.user_id JOIN institutions i ON i.id = u.institution_id
      WHERE s.id = $1 AND s.expires_at > now()`,
    [id, settings.idleTimeoutMinutes],
    // Every request runs it: planned once per connection, not once per request.
    { prepared: 'refugio_session_lookup' },
  );
  const row = rows[0];
  if (!row) return null;
  if (row.idle_expired || !row.active) {
    await db.query('DELETE FROM sessions WHERE id = $1', [id]);
    return null;
  }
  // Sliding idle window without a write on every request.
  if (row.touch) await db.query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [id]);
  const language = isLanguage(row.language) ? row.language : DEFAULT_LANGUAGE;
  const me: TMe = {
    id: row.user_id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    language,
    institution: { id: row.institution_id, code: row.institution_code, name: row.institution_name },
    offices: row.offices,
    roles: row.roles,
    permissions: row.permissions.toSorted(),
    totpEnabled: row.totp_enabled,
    totpEnrolmentRequired: row.totp_required && !row.totp_enabled,
    mustChangePassword: row.must_change_password,
  };
  const actor: Actor = {
    userId: row.user_id,
    username: row.username,
    operationId: row.operation_id,
    institutionId: row.institution_id,
    officeIds: row.offices.map((o) => o.id),
    roles: row.roles,
    permissions: new Set(row.permissions),
    language,
  };
  return { sessionId: id, csrfToken: row.csrf_token, actor, me };
}

export async function closeSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
}
