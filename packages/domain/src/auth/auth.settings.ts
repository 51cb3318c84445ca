/** Session and sign-in throttling settings; read from the environment by the API (ADR 005, ADR 021). */
export interface AuthSettings {
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
  /** Failed sign-ins from one address on one username before that address is held off it. */
  maxFailedLogins: number;
  /** The first hold of an address off a username; each later hold doubles it (capped at a day). Also the address lock. */
  lockMinutes: number;
  /** Sign-in attempts per minute from one address, whatever the username. */
  loginRateLimitPerMinute: number;
  /** Failed sign-ins from one address, any usernames, within lockMinutes before the address is locked. */
  addressMaxFailedLogins: number;
  /** Different usernames failing from one address within lockMinutes that raise an alert (password spraying). */
  sprayAccounts: number;
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  idleTimeoutMinutes: 30,
  absoluteTimeoutHours: 12,
  maxFailedLogins: 5,
  lockMinutes: 15,
  loginRateLimitPerMinute: 30,
  // An office behind one NAT address shares it: generous enough for a room of people mistyping.
  addressMaxFailedLogins: 50,
  sprayAccounts: 10,
};

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

export function authSettingsFromEnv(env: Record<string, string | undefined>): AuthSettings {
  const d = DEFAULT_AUTH_SETTINGS;
  return {
    idleTimeoutMinutes: positiveNumber(env.REFUGIO_SESSION_IDLE_MINUTES, d.idleTimeoutMinutes),
    absoluteTimeoutHours: positiveNumber(env.REFUGIO_SESSION_MAX_HOURS, d.absoluteTimeoutHours),
    maxFailedLogins: positiveNumber(env.REFUGIO_MAX_FAILED_LOGINS, d.maxFailedLogins),
    lockMinutes: positiveNumber(env.REFUGIO_LOCK_MINUTES, d.lockMinutes),
    loginRateLimitPerMinute: positiveNumber(env.REFUGIO_LOGIN_RATE_LIMIT, d.loginRateLimitPerMinute),
    addressMaxFailedLogins: positiveNumber(env.REFUGIO_ADDRESS_MAX_FAILED_LOGINS, d.addressMaxFailedLogins),
    sprayAccounts: positiveNumber(env.REFUGIO_SPRAY_ACCOUNTS, d.sprayAccounts),
  };
}
