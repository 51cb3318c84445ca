import type { Database, Queryable } from '@refugio/db';
import { generate as generateTotp, verify as verifyTotp } from 'otplib';
import { AppError } from '../../shared/errors.ts';
import type { RequestContext } from '../../shared/context.ts';
import { recordAudit } from '../../audit/server/index.ts';
import type { AuthSettings } from '../auth.settings.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { newToken, openSession, tokenDigest } from './sessions.ts';

export interface ClientInfo {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

export type LoginOutcome =
  | { status: 'authenticated'; token: string; csrfToken: string; userId: string }
  | { status: 'totp_required'; challengeToken: string };

interface UserRow {
  id: string;
  username: string;
  active: boolean;
  password_hash: string;
  failed_logins: number;
  locked_minutes_left: number | null;
  totp_enabled: boolean;
}

type Attempt = LoginOutcome | { status: 'failed'; error: AppError };

/**
 * Checks the password, counting failures towards a temporary lock. Failures are audited and
 * committed before the error is raised, so a rejected attempt still leaves its trace.
 */
export async function login(
  db: Database,
  options: { username: string; password: string; client: ClientInfo; settings: AuthSettings; ctx: RequestContext },
): Promise<LoginOutcome> {
  const { username, password, client, settings, ctx } = options;
  const found = await db.query<UserRow>(
    `SELECT id, username, active, password_hash, failed_logins, totp_enabled_at IS NOT NULL AS totp_enabled,
            CASE WHEN locked_until > now() THEN ceil(extract(epoch FROM locked_until - now()) / 60)::int END
              AS locked_minutes_left
       FROM users WHERE lower(username) = lower($1) AND operation_id = 1`,
    [username],
  );
  const user = found.rows[0];
  const passwordOk = user ? await verifyPassword(user.password_hash, password) : (await burnPasswordCheck(password), false);

  const attempt: Attempt = await db.transaction(async (tx) => {
    const fail = async (reason: string, error: AppError): Promise<Attempt> => {
      await recordAudit(tx, ctx, {
        action: 'auth.login_failed', entityType: 'user', entityId: user?.id ?? null,
        actorUserId: user?.id ?? null, actorUsername: username.slice(0, 64), details: { reason },
      });
      return { status: 'failed', error };
    };
    if (!user) return fail('unknown_user', new AppError('INVALID_CREDENTIALS'));
    if (user.locked_minutes_left) {
      return fail('locked', new AppError('ACCOUNT_LOCKED', { params: { minutes: user.locked_minutes_left } }));
    }
    if (!passwordOk) return registerFailure(tx, ctx, user, settings, 'wrong_password');
    if (!user.active) return fail('inactive', new AppError('INVALID_CREDENTIALS'));
    // With a second factor the count is cleared only once the code is right: clearing it at the
    // password step would let someone holding the password guess codes without ever locking.
    if (user.totp_enabled) {
      const challengeToken = newToken();
      await tx.query(
        `INSERT INTO login_challenges (id, user_id, expires_at) VALUES ($1, $2, now() + interval '5 minutes')`,
        [tokenDigest(challengeToken), user.id],
      );
      return { status: 'totp_required', challengeToken };
    }
    await tx.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [user.id]);
    return completeLogin(tx, ctx, user.id, user.username, settings, client);
  });
  if (attempt.status === 'failed') throw attempt.error;
  return attempt;
}

async function registerFailure(
  tx: Queryable,
  ctx: RequestContext,
  user: { id: string; username: string; failed_logins: number },
  settings: AuthSettings,
  reason: string,
): Promise<Attempt> {
  const failures = user.failed_logins + 1;
  const lock = failures >= settings.maxFailedLogins;
  await tx.query(
    `UPDATE users SET failed_logins = $2,
            locked_until = CASE WHEN $3::boolean THEN now() + make_interval(mins => $4) ELSE locked_until END
      WHERE id = $1`,
    [user.id, lock ? 0 : failures, lock, settings.lockMinutes],
  );
  const who = { entityType: 'user', entityId: user.id, actorUserId: user.id, actorUsername: user.username };
  await recordAudit(tx, ctx, { action: 'auth.login_failed', ...who, details: { reason, failures } });
  if (lock) {
    await recordAudit(tx, ctx, { action: 'auth.locked', ...who, details: { minutes: settings.lockMinutes } });
    return { status: 'failed', error: new AppError('ACCOUNT_LOCKED', { params: { minutes: settings.lockMinutes } }) };
  }
  return { status: 'failed', error: new AppError(reason === 'wrong_code' ? 'TOTP_INVALID' : 'INVALID_CREDENTIALS') };
}

async function completeLogin(
  tx: Queryable,
  ctx: RequestContext,
  userId: string,
  username: string,
  settings: AuthSettings,
  client: ClientInfo,
): Promise<LoginOutcome> {
  const session = await openSession(tx, userId, settings, client);
  await tx.query('UPDATE users SET last_login_at = now() WHERE id = $1', [userId]);
  await recordAudit(tx, ctx, {
    action: 'auth.login', entityType: 'user', entityId: userId, actorUserId: userId, actorUsername: username,
  });
  return { status: 'authenticated', token: session.token, csrfToken: session.csrfToken, userId };
}

/** Second step: the code from the authenticator app for a pending challenge. */
export async function completeTotpLogin(
  db: Database,
  options: { challengeToken: string; code: string; client: ClientInfo; settings: AuthSettings; ctx: RequestContext },
): Promise<LoginOutcome> {
  const { challengeToken, code, client, settings, ctx } = options;
  const attempt: Attempt = await db.transaction(async (tx) => {
    const { rows } = await tx.query<UserRow & { totp_secret: string; challenge_id: string; attempts: number }>(
      `SELECT c.id AS challenge_id, c.attempts, u.id, u.username, u.active, u.password_hash, u.failed_logins,
              u.totp_secret, true AS totp_enabled,
              CASE WHEN u.locked_until > now() THEN ceil(extract(epoch FROM u.locked_until - now()) / 60)::int END
                AS locked_minutes_left
         FROM login_challenges c JOIN users u ON u.id = c.user_id
        WHERE c.id = $1 AND c.expires_at > now() FOR UPDATE OF c`,
      [tokenDigest(challengeToken)],
    );
    const row = rows[0];
    if (!row || row.attempts >= 5) return { status: 'failed', error: new AppError('TOTP_INVALID') };
    // A challenge opened before the account was locked does not get around the lock.
    if (row.locked_minutes_left) {
      await recordAudit(tx, ctx, {
        action: 'auth.login_failed', entityType: 'user', entityId: row.id, actorUserId: row.id,
        actorUsername: row.username, details: { reason: 'locked' },
      });
      return { status: 'failed', error: new AppError('ACCOUNT_LOCKED', { params: { minutes: row.locked_minutes_left } }) };
    }
    const valid = (await verifyTotp({ secret: row.totp_secret, token: code, epochTolerance: 30 })).valid;
    if (!valid) {
      await tx.query('UPDATE login_challenges SET attempts = attempts + 1 WHERE id = $1', [row.challenge_id]);
      return registerFailure(tx, ctx, row, settings, 'wrong_code');
    }
    await tx.query('DELETE FROM login_challenges WHERE id = $1', [row.challenge_id]);
    await tx.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [row.id]);
    return completeLogin(tx, ctx, row.id, row.username, settings, client);
  });
  if (attempt.status === 'failed') throw attempt.error;
  return attempt;
}

/** Used by tests and the CLI to produce the current code for a secret. */
export function currentTotpCode(secret: string): Promise<string> {
  return generateTotp({ secret });
}
