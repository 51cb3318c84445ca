/**
 * Certificate verification codes (ADR 016): 60 random bits in Crockford's base32 (no I, L, O, U:
 * nothing to misread when typed from paper), shown as three groups of four. Guessing one valid
 * code among a million issued takes about 10^12 tries; the public route is rate-limited besides.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;

/** A new code from 12 random bytes of the caller (crypto.getRandomValues / randomBytes). */
export function verificationCode(random: Uint8Array): string {
  if (random.length < CODE_LENGTH) throw new Error('verificationCode needs 12 random bytes');
  const chars = [...random.subarray(0, CODE_LENGTH)].map((b) => ALPHABET[b & 31]!);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-');
}

/** What a person typed, in canonical form (case, spaces, dashes, O→0, I/L→1), or null when it cannot be a code. */
export function normalizeVerificationCode(typed: string): string | null {
  const raw = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (raw.length !== CODE_LENGTH || [...raw].some((c) => !ALPHABET.includes(c))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

export type CertificateStatus = 'valid' | 'expired' | 'revoked';

export function certificateStatus(cert: { revoked: boolean; validUntil: string | null }, today: string): CertificateStatus {
  if (cert.revoked) return 'revoked';
  return cert.validUntil !== null && cert.validUntil <= today ? 'expired' : 'valid';
}
