import type { Database, Queryable } from '@refugio/db';
import { generate as generateTotp, verify as verifyTotp } from 'otplib';
import { AppError } from '../../shared/errors.ts';
import type { RequestContext } from '../../shared/context.ts';
import { recordAudit } from '../../audit/server/index.ts';
import type { AuthSettings } from '../auth.settings.ts';
import { burnPasswordCheck, verifyPassword } from './passwords.ts';
import { isRecoveryCodeShape, spendRecoveryCode } from './recovery-codes.ts';
import { newToken, openSession, tokenDigest } from './sessions.ts';
import {
  addressLockedFor, chargeSignInAttempt, clearPair, hitRateLimit, holdPair, pairHeldMinutes, recordAddressFailure,
} from './throttle.ts';

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
  totp_enabled: boolean;
}

type Attempt = LoginOutcome | { status: 'failed'; error: AppError };

/** Who is trying, from where: the throttling key (the name as typed, known or not) and the user if it exists. */
interface Attempter {
  name: string;
  address: string;
  user: { id: string; username: string } | null;
}

// RFC 6238 §5.2 allows one step of clock drift either way: 30 s with 30-second steps.
const TOTP_DRIFT_SECONDS = 30;

/** Every refusal leaves an event, whatever stopped it (OWASP ASVS 4.0.3 V7.2.1). */
async function auditRefusal(tx: Queryable, ctx: RequestContext, who: Attempter, details: Record<string, unknown>): Promise<void> {
  await recordAudit(tx, ctx, {
    action: 'auth.login_failed', entityType: 'user', entityId: who.user?.id ?? null,
    actorUserId: who.user?.id ?? null, actorUsername: who.user?.username ?? who.name.slice(0, 64),
    details: { ...details, address: who.address },
  });
}

/**
 * Signs in with a password (ADR 005, ADR 021). The address's rate and lock are checked first,
 * then the attempt is charged to (username, address) before the password is looked at; unknown,
 * wrong, inactive and held accounts all cost one password hash and get the same answers.
 * Failures are audited and committed before the error is raised.
 */
export async function login(
  db: Database,
  options: { username: string; password: string; client: ClientInfo; settings: AuthSettings; ctx: RequestContext },
): Promise<LoginOutcome> {
  const { username, password, client, settings, ctx } = options;
  const name = username.trim().toLowerCase();
  const address = client.ip ?? 'unknown';
  const found = await db.query<UserRow>(
    `SELECT id, username, active, password_hash, totp_enabled_at IS NOT NULL AS totp_enabled
       FROM users WHERE lower(username) = $1 AND operation_id = 1`,
    [name],
  );
  const user = found.rows[0];
  const who: Attempter = { name, address, user: user ? { id: user.id, username: user.username } : null };

  // The address first: a flood is refused before any account is charged or any hash computed.
  const rate = await hitRateLimit(db, 'login', address, settings.loginRateLimitPerMinute, 60);
  const lockedSeconds = rate.allowed ? await addressLockedFor(db, address) : null;
  if (!rate.allowed || lockedSeconds !== null) {
    const retryAfterSeconds = lockedSeconds ?? rate.retryAfterSeconds;
    await db.transaction((tx) => auditRefusal(tx, ctx, who, { reason: rate.allowed ? 'address_locked' : 'rate_limited' }));
    throw new AppError('RATE_LIMITED', { params: { retryAfterSeconds } });
  }

  const charge = await chargeSignInAttempt(db, name, address);
  if (charge.heldSeconds !== null || charge.failures > settings.maxFailedLogins) {
    const minutes = charge.heldSeconds !== null
      ? Math.max(1, Math.ceil(charge.heldSeconds / 60))
      : ((await holdPair(db, name, address, settings)) ?? (await pairHeldMinutes(db, name, address)));
    // A held attempt costs the same time as a checked one, so timing does not say which it was.
    await burnPasswordCheck(password);
    await db.transaction((tx) => auditRefusal(tx, ctx, who, { reason: 'held', minutes }));
    throw new AppError('ACCOUNT_LOCKED', { params: { minutes } });
  }

  const passwordOk = user ? await verifyPassword(user.password_hash, password) : (await burnPasswordCheck(password), false);
  const attempt: Attempt = await db.transaction(async (tx) => {
    if (!user || !passwordOk || !user.active) {
      const reason = !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'inactive';
      return registerFailure(tx, ctx, who, settings, reason, charge.failures);
    }
    // The password is right: the pair's charge is forgiven. Codes are then limited per account
    // (registerCodeFailure), whoever holds the password and from wherever.
    await clearPair(tx, name, address);
    if (user.totp_enabled) {
      const challengeToken = newToken();
      await tx.query(
        `INSERT INTO login_challenges (id, user_id, expires_at) VALUES ($1, $2, now() + interval '5 minutes')`,
        [tokenDigest(challengeToken), user.id],
      );
      return { status: 'totp_required', challengeToken };
    }
    return completeLogin(tx, ctx, user.id, user.username, settings, client);
  });
  if (attempt.status === 'failed') throw attempt.error;
  return attempt;
}

/** A failed password: the address's count, a spray alert, and the pair's hold once the limit is reached. */
async function registerFailure(
  tx: Queryable, ctx: RequestContext, who: Attempter, settings: AuthSettings, reason: string, failures: number,
): Promise<Attempt> {
  const address = await recordAddressFailure(tx, who.name, who.address, settings);
  await auditRefusal(tx, ctx, who, { reason, failures });
  if (address.spray) {
    await recordAudit(tx, ctx, {
      action: 'auth.spray_detected', entityType: 'address', entityId: who.address, actorUserId: null, actorUsername: null,
      details: { address: who.address, accounts: address.spray.accounts, failures: address.spray.failures, minutes: settings.lockMinutes },
    });
  }
  if (address.lockedMinutes !== null) {
    await recordAudit(tx, ctx, {
      action: 'auth.address_locked', entityType: 'address', entityId: who.address, actorUserId: null, actorUsername: null,
      details: { address: who.address, minutes: address.lockedMinutes },
    });
  }
  if (failures >= settings.maxFailedLogins) {
    const minutes = (await holdPair(tx, who.name, who.address, settings)) ?? (await pairHeldMinutes(tx, who.name, who.address));
    await recordAudit(tx, ctx, {
      action: 'auth.locked', entityType: 'user', entityId: who.user?.id ?? null, actorUserId: who.user?.id ?? null,
      actorUsername: who.user?.username ?? who.name.slice(0, 64), details: { address: who.address, minutes },
    });
    return { status: 'failed', error: new AppError('ACCOUNT_LOCKED', { params: { minutes } }) };
  }
  return { status: 'failed', error: new AppError('INVALID_CREDENTIALS') };
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

/**
 * Second step: the code from the authenticator app, or a recovery code, for a pending challenge.
 * A time step is accepted once per user (RFC 6238 §5.2): the step is claimed by a conditional
 * UPDATE, so a replayed code, even sent in parallel with the first, is refused. Wrong codes count
 * per account (whoever sends them already holds the password) and lock its second step.
 */
export async function completeTotpLogin(
  db: Database,
  options: { challengeToken: string; code: string; client: ClientInfo; settings: AuthSettings; ctx: RequestContext },
): Promise<LoginOutcome> {
  const { challengeToken, code, client, settings, ctx } = options;
  const attempt: Attempt = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{
      challenge_id: string; attempts: number; id: string; username: string; totp_secret: string; totp_last_step: number | null;
      locked_minutes_left: number | null;
    }>(
      `SELECT c.id AS challenge_id, c.attempts, u.id, u.username, u.totp_secret, u.totp_last_step,
              CASE WHEN u.locked_until > now() THEN ceil(extract(epoch FROM u.locked_until - now()) / 60)::int END
                AS locked_minutes_left
         FROM login_challenges c JOIN users u ON u.id = c.user_id
        WHERE c.id = $1 AND c.expires_at > now() FOR UPDATE OF c`,
      [tokenDigest(challengeToken)],
    );
    const row = rows[0];
    if (!row || row.attempts >= 5) return { status: 'failed', error: new AppError('TOTP_INVALID') };
    const who: Attempter = { name: row.username.toLowerCase(), address: client.ip ?? 'unknown', user: { id: row.id, username: row.username } };
    // A challenge opened before the account was locked does not get around the lock.
    if (row.locked_minutes_left) {
      await auditRefusal(tx, ctx, who, { reason: 'locked' });
      return { status: 'failed', error: new AppError('ACCOUNT_LOCKED', { params: { minutes: row.locked_minutes_left } }) };
    }
    let accepted: { kind: 'totp' } | { kind: 'recovery'; left: number } | { kind: 'rejected'; reason: string };
    if (/^\d{6}$/.test(code)) {
      const step = await matchedTimeStep(row.totp_secret, code, row.totp_last_step);
      const claimed = step !== null && (await claimTimeStep(tx, row.id, step));
      accepted = claimed ? { kind: 'totp' } : { kind: 'rejected', reason: step !== null || (await usedStepMatches(row, code)) ? 'replayed_code' : 'wrong_code' };
    } else {
      const left = isRecoveryCodeShape(code) ? await spendRecoveryCode(tx, row.id, code) : null;
      accepted = left === null ? { kind: 'rejected', reason: 'wrong_recovery_code' } : { kind: 'recovery', left };
    }
    if (accepted.kind === 'rejected') {
      await tx.query('UPDATE login_challenges SET attempts = attempts + 1 WHERE id = $1', [row.challenge_id]);
      return registerCodeFailure(tx, ctx, who, settings, accepted.reason);
    }
    if (accepted.kind === 'recovery') {
      await recordAudit(tx, ctx, {
        action: 'auth.recovery_code_used', entityType: 'user', entityId: row.id, actorUserId: row.id, actorUsername: row.username,
        details: { left: accepted.left },
      });
    }
    await tx.query('DELETE FROM login_challenges WHERE id = $1', [row.challenge_id]);
    await tx.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1', [row.id]);
    return completeLogin(tx, ctx, row.id, row.username, settings, client);
  });
  if (attempt.status === 'failed') throw attempt.error;
  return attempt;
}

/**
 * The RFC 6238 time step a code belongs to, within one step of drift, or null. With `after`, a
 * step at or before it does not count.
 */
export async function matchedTimeStep(secret: string, code: string, after: number | null = null): Promise<number | null> {
  const result = await verifyTotp({
    secret, token: code, epochTolerance: TOTP_DRIFT_SECONDS, ...(after !== null ? { afterTimeStep: after } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Claims the time step for the user; false when it, or a later one, was already used. */
export async function claimTimeStep(tx: Queryable, userId: string, step: number): Promise<boolean> {
  const { rows } = await tx.query(
    `UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id`,
    [userId, step]);
  return rows.length > 0;
}

/** Whether a refused code is the one of the last step already used: a replay, audited as such. */
async function usedStepMatches(row: { totp_secret: string; totp_last_step: number | null }, code: string): Promise<boolean> {
  if (row.totp_last_step === null) return false;
  const step = await matchedTimeStep(row.totp_secret, code);
  return step !== null && step <= row.totp_last_step;
}

/** A wrong, replayed or spent code: counted per account in one statement, locking the second step at the limit. */
async function registerCodeFailure(tx: Queryable, ctx: RequestContext, who: Attempter, settings: AuthSettings, reason: string): Promise<Attempt> {
  const { rows } = await tx.query<{ failures: number; locked: boolean }>(
    `UPDATE users SET
        failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
        locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(secs => $3::float8 * 60) ELSE locked_until END
      WHERE id = $1
      RETURNING failed_logins AS failures, locked_until > now() AS locked`,
    [who.user!.id, settings.maxFailedLogins, settings.lockMinutes]);
  const locked = rows[0]?.locked === true;
  await auditRefusal(tx, ctx, who, { reason, ...(locked ? {} : { failures: rows[0]?.failures ?? 0 }) });
  if (locked) {
    await recordAudit(tx, ctx, {
      action: 'auth.locked', entityType: 'user', entityId: who.user!.id, actorUserId: who.user!.id, actorUsername: who.user!.username,
      details: { address: who.address, minutes: settings.lockMinutes, secondFactor: true },
    });
    return { status: 'failed', error: new AppError('ACCOUNT_LOCKED', { params: { minutes: settings.lockMinutes } }) };
  }
  return { status: 'failed', error: new AppError('TOTP_INVALID') };
}

/** Used by tests and the CLI to produce the current code for a secret. */
export function currentTotpCode(secret: string): Promise<string> {
  return generateTotp({ secret });
}
