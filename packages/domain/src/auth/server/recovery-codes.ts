/**
 * Recovery codes for a lost authenticator: ten look-up secrets shown once, each usable once
 * (OWASP ASVS 4.0.3 V2.6.1). A code is 60 random bits in Crockford base32 (`XXXX-XXXX-XXXX`);
 * under the 112 bits V2.6.2 asks for, so each is stored as SHA-256 over its own random 128-bit
 * salt and the code, never in clear.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '@refugio/db';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newCode(): string {
  const chars = [...randomBytes(12)].map((b) => ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** As typed: case, spaces and dashes do not matter; O reads as 0, I and L as 1. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isRecoveryCodeShape(typed: string): boolean {
  return /^[0-9A-Z]{12}$/.test(normalizeRecoveryCode(typed));
}

function digestOf(salt: string, normalized: string): string {
  return createHash('sha256').update(salt).update(':').update(normalized).digest('hex');
}

/** Replaces the user's codes with ten new ones and returns them, in clear, for the one showing. */
export async function replaceRecoveryCodes(tx: Queryable, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  const salts = codes.map(() => randomBytes(16).toString('hex'));
  await tx.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [userId]);
  await tx.query(
    `INSERT INTO totp_recovery_codes (user_id, salt, digest)
     SELECT $1, s, d FROM unnest($2::text[], $3::text[]) AS c(s, d)`,
    [userId, salts, codes.map((code, i) => digestOf(salts[i]!, normalizeRecoveryCode(code)))],
  );
  return codes;
}

/**
 * Spends the code if it is one of the user's unused ones: the UPDATE is conditional on
 * `used_at IS NULL`, so two requests with the same code cannot both succeed. Returns the codes
 * left, or null when the code is not valid.
 */
export async function spendRecoveryCode(tx: Queryable, userId: string, typed: string): Promise<number | null> {
  const normalized = normalizeRecoveryCode(typed);
  const { rows } = await tx.query<{ id: string; salt: string; digest: string }>(
    'SELECT id, salt, digest FROM totp_recovery_codes WHERE user_id = $1 AND used_at IS NULL', [userId]);
  const match = rows.find((r) => timingSafeEqual(Buffer.from(digestOf(r.salt, normalized)), Buffer.from(r.digest)));
  if (!match) return null;
  const spent = await tx.query(
    'UPDATE totp_recovery_codes SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id', [match.id]);
  if (spent.rows.length === 0) return null;
  return rows.length - 1;
}
