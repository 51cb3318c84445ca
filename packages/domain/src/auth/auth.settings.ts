/** Session and lock-out settings; read from the environment by the API. */
export interface AuthSettings {
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
  maxFailedLogins: number;
  lockMinutes: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
  maxFailedLogins: 5,
  lockMinutes: 15,
};

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

export function authSettingsFromEnv(env: Record<string, string | undefined>): AuthSettings {
  return {
    idleTimeoutMinutes: positiveNumber(env.REFUGIO_SESSION_IDLE_MINUTES, DEFAULT_AUTH_SETTINGS.idleTimeoutMinutes),
    absoluteTimeoutHours: positiveNumber(env.REFUGIO_SESSION_MAX_HOURS, DEFAULT_AUTH_SETTINGS.absoluteTimeoutHours),
    maxFailedLogins: positiveNumber(env.REFUGIO_MAX_FAILED_LOGINS, DEFAULT_AUTH_SETTINGS.maxFailedLogins),
    lockMinutes: positiveNumber(env.REFUGIO_LOCK_MINUTES, DEFAULT_AUTH_SETTINGS.lockMinutes),
  };
}
