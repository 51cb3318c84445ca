import { ZTotpEnrolment } from '@refugio/domain';
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

export async function confirmTotpEnrolment(code: string): Promise<void> {
  await apiRequest('/api/auth/totp/confirm', { method: 'POST', body: { code } });
}

export async function disableTotp(password: string): Promise<void> {
  await apiRequest('/api/auth/totp/disable', { method: 'POST', body: { password } });
}
