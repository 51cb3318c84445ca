import { z } from 'zod';
import { LANGUAGES, LIMITS } from '../shared/limits.ts';

export const ZLoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(LIMITS.usernameMax),
  password: z.string().min(1).max(LIMITS.passwordMax),
});

/** A recovery code as typed: twelve letters or digits, in groups of four or not. */
export const RECOVERY_CODE_PATTERN = /^[0-9A-Za-z]{4}[- ]?[0-9A-Za-z]{4}[- ]?[0-9A-Za-z]{4}$/;

export const ZTotpLoginRequest = z.strictObject({
  challengeToken: z.string().min(1).max(200),
  /** Six digits from the authenticator app, or one of the user's recovery codes. */
  code: z.string().trim().refine((code) => /^\d{6}$/.test(code) || RECOVERY_CODE_PATTERN.test(code), { message: 'validation.totp_or_recovery_code' }),
});

export const ZNewPassword = z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax);

export const ZChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(LIMITS.passwordMax),
  newPassword: ZNewPassword,
});

export const ZTotpConfirmRequest = z.strictObject({ code: z.string().regex(/^\d{6}$/) });
export const ZTotpDisableRequest = z.strictObject({ password: z.string().min(1).max(LIMITS.passwordMax) });
export const ZRecoveryCodesRequest = z.strictObject({ password: z.string().min(1).max(LIMITS.passwordMax) });
/** Shown once: each works one time in place of the app's code. */
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

export const ZLanguageRequest = z.strictObject({ language: z.enum(LANGUAGES) });

const ZRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const ZMe = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  language: z.enum(LANGUAGES),
  institution: ZRef,
  offices: z.array(ZRef),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  totpEnabled: z.boolean(),
  /** A role requires a second factor that the user has not enrolled yet. */
  totpEnrolmentRequired: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type TMe = z.infer<typeof ZMe>;

export const ZSessionResponse = z.object({
  status: z.literal('authenticated'),
  user: ZMe,
  csrfToken: z.string(),
});

export const ZLoginResponse = z.union([
  ZSessionResponse,
  z.object({ status: z.literal('totp_required'), challengeToken: z.string() }),
]);

export const ZTotpEnrolment = z.object({ secret: z.string(), otpauthUri: z.string() });
