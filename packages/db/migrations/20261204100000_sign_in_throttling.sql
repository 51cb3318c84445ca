-- Sign-in hardening (ADR 021). Every counter here is updated by one statement
-- (INSERT … ON CONFLICT DO UPDATE … RETURNING), so parallel attempts each see the count the
-- others left, and several API processes on one server enforce one limit.

-- RFC 6238 §5.2: a code is accepted once. The last time step accepted for the user; a code of
-- that step or an earlier one is refused.
ALTER TABLE users ADD COLUMN totp_last_step bigint;

-- Single-use recovery codes for a lost authenticator (OWASP ASVS 4.0.3 V2.6): each stored as
-- SHA-256 of a unique random salt and the code, marked used by a conditional UPDATE.
CREATE TABLE totp_recovery_codes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  salt text NOT NULL,
  digest text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);
CREATE INDEX totp_recovery_codes_user_idx ON totp_recovery_codes (user_id);

-- Failed sign-ins per attempted username (known or not: an unknown name is throttled the same
-- way, so the answers do not tell which exist) and source address. After the allowed failures
-- the pair is held off for a period that doubles with each hold: one address cannot lock a
-- person out of the other addresses they sign in from.
CREATE TABLE login_throttles (
  username text NOT NULL,
  address text NOT NULL,
  -- Attempts charged since the last success or hold; charged before the password is checked.
  failures integer NOT NULL DEFAULT 0,
  -- Holds so far: the next lasts lock_minutes × 2^holds (capped).
  holds integer NOT NULL DEFAULT 0,
  held_until timestamptz,
  last_failed_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (username, address)
);
CREATE INDEX login_throttles_address_idx ON login_throttles (address, last_failed_at);
CREATE INDEX login_throttles_updated_idx ON login_throttles (updated_at);

-- Failed sign-ins per source address, whatever the username: past the limit the address (not
-- any account) is locked; many usernames failing from one address raise an alert (a spray).
CREATE TABLE login_addresses (
  address text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  spray_alerted_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_addresses_updated_idx ON login_addresses (updated_at);

-- Requests per key in a fixed window (login attempts per address per minute, public certificate
-- checks): in the database, so every API process counts against the same limit.
CREATE TABLE rate_limits (
  bucket text NOT NULL,
  key text NOT NULL,
  window_started_at timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (bucket, key)
);
CREATE INDEX rate_limits_window_idx ON rate_limits (window_started_at);
