import type { Database } from '@refugio/db';
import { generateSecret, generateURI } from 'otplib';
import { AppError, fieldError } from '../../shared/errors.ts';
import type { Actor, RequestContext } from '../../shared/context.ts';
import type { Language } from '../../shared/limits.ts';
import { recordAudit } from '../../audit/server/index.ts';
import { claimTimeStep, matchedTimeStep } from './login.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { replaceRecoveryCodes } from './recovery-codes.ts';

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/** Changes the caller's own password; other sessions of the user are closed. */
export async function changeOwnPassword(
  db: Database,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string; keepSessionId: string },
): Promise<void> {
  const actor = requireActor(ctx);
  const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [actor.userId]);
  const current = rows[0];
  if (!current || !(await verifyPassword(current.password_hash, input.currentPassword))) {
    throw fieldError('currentPassword', 'validation.password_mismatch');
  }
  if (input.currentPassword === input.newPassword) throw fieldError('newPassword', 'validation.password_reused');
  const newHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE users SET password_hash = $2, password_changed_at = now(), must_change_password = false,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [actor.userId, newHash],
    );
    await tx.query('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [actor.userId, input.keepSessionId]);
    await recordAudit(tx, ctx, { action: 'auth.password_changed', entityType: 'user', entityId: actor.userId });
  });
}

export async function setOwnLanguage(db: Database, ctx: RequestContext, language: Language): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET language = $2, version = version + 1, updated_at = now() WHERE id = $1', [actor.userId, language]);
    await recordAudit(tx, ctx, {
      action: 'user.updated', entityType: 'user', entityId: actor.userId,
      details: { changes: { language: { before: actor.language, after: language } } },
    });
  });
}

/**
 * Starts enrolment: a new secret is kept pending (not yet required at login) until a code
 * from the app confirms it.
 */
export async function startTotpEnrolment(db: Database, ctx: RequestContext): Promise<{ secret: string; otpauthUri: string }> {
  const actor = requireActor(ctx);
  const { rows } = await db.query<{ enabled: boolean }>(
    'SELECT totp_enabled_at IS NOT NULL AS enabled FROM users WHERE id = $1', [actor.userId]);
  if (rows[0]?.enabled) throw new AppError('INVALID_STATE');
  const secret = generateSecret();
  await db.query('UPDATE users SET totp_secret = $2 WHERE id = $1', [actor.userId, secret]);
  return { secret, otpauthUri: generateURI({ issuer: 'Refugio', label: actor.username, secret }) };
}

/**
 * Confirms enrolment with a first code, whose time step is then spent (RFC 6238 §5.2: it cannot
 * also open a session), and returns ten single-use recovery codes to show once.
 */
export async function confirmTotpEnrolment(db: Database, ctx: RequestContext, code: string): Promise<{ recoveryCodes: string[] }> {
  const actor = requireActor(ctx);
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ totp_secret: string | null; enabled: boolean }>(
      'SELECT totp_secret, totp_enabled_at IS NOT NULL AS enabled FROM users WHERE id = $1 FOR UPDATE', [actor.userId]);
    const row = rows[0];
    if (!row?.totp_secret || row.enabled) throw new AppError('INVALID_STATE');
    const step = await matchedTimeStep(row.totp_secret, code);
    if (step === null) throw fieldError('code', 'validation.totp_invalid');
    await tx.query('UPDATE users SET totp_last_step = NULL WHERE id = $1', [actor.userId]);
    await claimTimeStep(tx, actor.userId, step);
    await tx.query('UPDATE users SET totp_enabled_at = now(), version = version + 1, updated_at = now() WHERE id = $1', [actor.userId]);
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId);
    await recordAudit(tx, ctx, { action: 'auth.totp_enrolled', entityType: 'user', entityId: actor.userId });
    return { recoveryCodes };
  });
}

/** New recovery codes (the old ones stop working); the password is asked again (OWASP ASVS 4.0.3 V2.5.x re-authentication). */
export async function regenerateRecoveryCodes(db: Database, ctx: RequestContext, password: string): Promise<{ recoveryCodes: string[] }> {
  const actor = requireActor(ctx);
  const { rows } = await db.query<{ password_hash: string; enabled: boolean }>(
    'SELECT password_hash, totp_enabled_at IS NOT NULL AS enabled FROM users WHERE id = $1', [actor.userId]);
  const row = rows[0];
  if (!row || !(await verifyPassword(row.password_hash, password))) throw fieldError('password', 'validation.password_mismatch');
  if (!row.enabled) throw new AppError('INVALID_STATE');
  return db.transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.userId);
    await recordAudit(tx, ctx, { action: 'auth.recovery_codes_replaced', entityType: 'user', entityId: actor.userId });
    return { recoveryCodes };
  });
}

/** Turning the second factor off needs the password, and is refused when a role requires it. */
export async function disableOwnTotp(db: Database, ctx: RequestContext, password: string): Promise<void> {
  const actor = requireActor(ctx);
  const { rows } = await db.query<{ password_hash: string; required: boolean }>(
    `SELECT password_hash, EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                                    WHERE ur.user_id = u.id AND r.requires_totp) AS required
       FROM users u WHERE id = $1`, [actor.userId]);
  const row = rows[0];
  if (!row || !(await verifyPassword(row.password_hash, password))) throw fieldError('password', 'validation.password_mismatch');
  if (row.required) throw new AppError('INVALID_STATE');
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL, version = version + 1, updated_at = now()
        WHERE id = $1`, [actor.userId]);
    await tx.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [actor.userId]);
    await recordAudit(tx, ctx, { action: 'auth.totp_disabled', entityType: 'user', entityId: actor.userId });
  });
}

export async function logout(db: Database, ctx: RequestContext, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
    await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor?.userId ?? null });
  });
}
