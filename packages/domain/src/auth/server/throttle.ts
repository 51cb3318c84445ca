/**
 * Sign-in throttling kept in the database (ADR 021), so every API process behind a load balancer
 * enforces the same limits. Each counter moves in one statement (INSERT … ON CONFLICT DO UPDATE
 * … RETURNING): parallel attempts each see the count the others left (OWASP ASVS 4.0.3 V2.2.1,
 * V11.1.4).
 *
 * - Per username and address: the attempt is charged before the password is checked; past
 *   `maxFailedLogins` that address is held off that username for `lockMinutes` × 2^holds (at most
 *   a day). Unknown usernames are charged alike, so the answers do not tell which exist.
 * - Per address: `loginRateLimitPerMinute` attempts a minute, and a hard lock after
 *   `addressMaxFailedLogins` failures within `lockMinutes`, whatever the usernames.
 * - A spray (many usernames failing from one address) raises an alert for the administrators.
 */
import type { Queryable } from '@refugio/db';
import type { AuthSettings } from '../auth.settings.ts';

/** The longest hold of an address off a username, however many holds came before. */
export const MAX_HOLD_SECONDS = 24 * 3600;
/** A pair quiet for this long starts again from no failures and no holds. */
const PAIR_MEMORY = "interval '1 day'";

/**
 * One hit in a fixed window per (bucket, key). `allowed` is false past `max`; `retryAfterSeconds`
 * is when the window ends.
 */
export async function hitRateLimit(
  db: Queryable, bucket: string, key: string, max: number, windowSeconds: number,
): Promise<{ allowed: boolean; hits: number; retryAfterSeconds: number }> {
  const { rows } = await db.query<{ hits: number; retry_after: number }>(
    `INSERT INTO rate_limits AS r (bucket, key, window_started_at, hits) VALUES ($1, $2, now(), 1)
     ON CONFLICT (bucket, key) DO UPDATE SET
       hits = CASE WHEN r.window_started_at <= now() - make_interval(secs => $3) THEN 1 ELSE r.hits + 1 END,
       window_started_at = CASE WHEN r.window_started_at <= now() - make_interval(secs => $3) THEN now() ELSE r.window_started_at END
     RETURNING hits, greatest(1, ceil(extract(epoch FROM window_started_at + make_interval(secs => $3) - now())))::int AS retry_after`,
    [bucket, key, windowSeconds],
  );
  const row = rows[0]!;
  return { allowed: row.hits <= max, hits: row.hits, retryAfterSeconds: row.retry_after };
}

/** Seconds the address stays locked, or null. */
export async function addressLockedFor(db: Queryable, address: string): Promise<number | null> {
  const { rows } = await db.query<{ seconds: number }>(
    `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds FROM login_addresses
      WHERE address = $1 AND locked_until > now()`, [address]);
  return rows[0]?.seconds ?? null;
}

export interface PairCharge {
  /** Attempts charged since the last success or hold, this one included. */
  failures: number;
  /** Seconds left of a hold running now, or null. */
  heldSeconds: number | null;
}

/**
 * Charges one attempt to (username, address) before the password is checked: of N parallel
 * guesses only the first `maxFailedLogins` ever reach the password check.
 */
export async function chargeSignInAttempt(db: Queryable, username: string, address: string): Promise<PairCharge> {
  const { rows } = await db.query<{ failures: number; held_seconds: number | null }>(
    `INSERT INTO login_throttles AS t (username, address, failures, updated_at) VALUES ($1, $2, 1, now())
     ON CONFLICT (username, address) DO UPDATE SET
       failures = CASE WHEN t.held_until > now() THEN t.failures
                       WHEN t.updated_at < now() - ${PAIR_MEMORY} THEN 1
                       ELSE t.failures + 1 END,
       holds = CASE WHEN t.updated_at < now() - ${PAIR_MEMORY} AND NOT coalesce(t.held_until > now(), false) THEN 0 ELSE t.holds END,
       updated_at = now()
     RETURNING failures, CASE WHEN held_until > now() THEN ceil(extract(epoch FROM held_until - now()))::int END AS held_seconds`,
    [username, address],
  );
  return { failures: rows[0]!.failures, heldSeconds: rows[0]!.held_seconds };
}

/**
 * Holds the address off the username for lockMinutes × 2^holds (at most a day). Only the first
 * of several parallel callers sets it (and gets the minutes back); the others get null.
 */
export async function holdPair(db: Queryable, username: string, address: string, settings: AuthSettings): Promise<number | null> {
  const { rows } = await db.query<{ minutes: number }>(
    `UPDATE login_throttles
        SET held_until = now() + make_interval(secs => least($3::float8 * 60 * power(2, holds), ${MAX_HOLD_SECONDS})),
            holds = holds + 1, failures = 0, updated_at = now()
      WHERE username = $1 AND address = $2 AND (held_until IS NULL OR held_until <= now())
      RETURNING ceil(extract(epoch FROM held_until - now()) / 60)::int AS minutes`,
    [username, address, settings.lockMinutes],
  );
  return rows[0]?.minutes ?? null;
}

/** Minutes left of the pair's hold (at least 1), for callers that did not set it themselves. */
export async function pairHeldMinutes(db: Queryable, username: string, address: string): Promise<number> {
  const { rows } = await db.query<{ minutes: number }>(
    `SELECT greatest(1, ceil(extract(epoch FROM held_until - now()) / 60))::int AS minutes FROM login_throttles
      WHERE username = $1 AND address = $2`, [username, address]);
  return rows[0]?.minutes ?? 1;
}

/** A success: the attempts charged to the pair are forgiven and its holds forgotten. */
export async function clearPair(db: Queryable, username: string, address: string): Promise<void> {
  await db.query(
    'UPDATE login_throttles SET failures = 0, holds = 0, updated_at = now() WHERE username = $1 AND address = $2',
    [username, address],
  );
}

export interface AddressFailure {
  /** Minutes of a lock this failure just placed on the address, or null. */
  lockedMinutes: number | null;
  /** Set once per lock period when the address has failed on `sprayAccounts` usernames or more. */
  spray: { accounts: number; failures: number } | null;
}

/** A failure from the address: counts towards its hard lock and looks for a spray. */
export async function recordAddressFailure(
  tx: Queryable, username: string, address: string, settings: AuthSettings,
): Promise<AddressFailure> {
  const windowSeconds = settings.lockMinutes * 60;
  await tx.query('UPDATE login_throttles SET last_failed_at = now() WHERE username = $1 AND address = $2', [username, address]);
  const counted = await tx.query<{ failures: number }>(
    `INSERT INTO login_addresses AS a (address, failures, window_started_at) VALUES ($1, 1, now())
     ON CONFLICT (address) DO UPDATE SET
       failures = CASE WHEN a.window_started_at <= now() - make_interval(secs => $2) THEN 1 ELSE a.failures + 1 END,
       window_started_at = CASE WHEN a.window_started_at <= now() - make_interval(secs => $2) THEN now() ELSE a.window_started_at END,
       updated_at = now()
     RETURNING failures`,
    [address, windowSeconds],
  );
  const failures = counted.rows[0]!.failures;
  let lockedMinutes: number | null = null;
  if (failures >= settings.addressMaxFailedLogins) {
    const locked = await tx.query<{ minutes: number }>(
      `UPDATE login_addresses SET locked_until = now() + make_interval(secs => $2), updated_at = now()
        WHERE address = $1 AND (locked_until IS NULL OR locked_until <= now())
        RETURNING ceil($2::float8 / 60)::int AS minutes`,
      [address, windowSeconds],
    );
    lockedMinutes = locked.rows[0]?.minutes ?? null;
  }
  const accounts = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM login_throttles
      WHERE address = $1 AND last_failed_at > now() - make_interval(secs => $2)`,
    [address, windowSeconds],
  );
  const n = accounts.rows[0]!.n;
  let spray: AddressFailure['spray'] = null;
  if (n >= settings.sprayAccounts) {
    const alerted = await tx.query(
      `UPDATE login_addresses SET spray_alerted_at = now()
        WHERE address = $1 AND (spray_alerted_at IS NULL OR spray_alerted_at <= now() - make_interval(secs => $2))
        RETURNING address`,
      [address, windowSeconds],
    );
    if (alerted.rows.length > 0) spray = { accounts: n, failures };
  }
  return { lockedMinutes, spray };
}

/** Forgets throttling state nobody has touched for a day (rows of unknown usernames included). */
export async function purgeSignInThrottles(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM login_throttles WHERE updated_at < now() - ${PAIR_MEMORY} AND NOT coalesce(held_until > now(), false)`);
  await db.query(`DELETE FROM login_addresses WHERE updated_at < now() - ${PAIR_MEMORY} AND NOT coalesce(locked_until > now(), false)`);
  await db.query(`DELETE FROM rate_limits WHERE window_started_at < now() - ${PAIR_MEMORY}`);
}
