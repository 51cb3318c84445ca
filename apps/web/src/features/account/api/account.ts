import { ZRecoveryCodes, ZTotpEnrolment } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export async function changePassword(input: ChangePasswordInput): Promise<void> {
  await apiRequest('/api/auth/password', { method: 'POST', body: input });
}

/** A fresh secret; it only takes effect once confirmed with a code from the app. */
export function startTotpEnrolment() {
  return apiRequest('/api/auth/totp/enrolment', { method: 'POST', schema: ZTotpEnrolment });
}

/** Turns the second factor on; the answer carries the recovery codes, shown this once. */
export function confirmTotpEnrolment(code: string) {
  return apiRequest('/api/auth/totp/confirm', { method: 'POST', body: { code }, schema: ZRecoveryCodes });
}

/** New recovery codes (the old ones stop working). */
export function renewRecoveryCodes(password: string) {
  return apiRequest('/api/auth/totp/recovery-codes', { method: 'POST', body: { password }, schema: ZRecoveryCodes });
}

export async function disableTotp(password: string): Promise<void> {
  await apiRequest('/api/auth/totp/disable', { method: 'POST', body: { password } });
}
