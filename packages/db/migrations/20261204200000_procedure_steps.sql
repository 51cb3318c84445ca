-- Procedure steps with safeguards as data (ADR 019), and the shared kernel's SQL (ADR 020).

-- Offices keep their own civil days: Mexico alone spans four zones, and a claim lodged at 23:30
-- in Tijuana is lodged that day (day 0 of its clocks), not the next one in Mexico City.
ALTER TABLE offices ADD COLUMN time_zone text NOT NULL DEFAULT 'America/Mexico_City';

-- Today's civil day in a zone; STABLE like now(), so one value per statement.
CREATE FUNCTION local_today(zone text) RETURNS date
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT (now() AT TIME ZONE zone)::date $$;

-- A competency grant counts on `day` when it is not revoked, has begun and has not expired: valid
-- through the day before `expires_on` (ADR 014). The one definition every query uses.
CREATE FUNCTION grant_valid_on(revoked_at timestamptz, granted_on date, expires_on date, day date) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT revoked_at IS NULL AND granted_on <= day AND (expires_on IS NULL OR expires_on > day) $$;

-- Safeguards an authority switched off (or back on) where the law lets it, each with a written
-- reason and who did it; absent rows mean the shipped default (on). Changes are audited.
CREATE TABLE procedure_safeguard_settings (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  institution_id uuid NOT NULL REFERENCES institutions(id),
  safeguard_code text NOT NULL,
  enabled boolean NOT NULL,
  reason text NOT NULL,
  changed_by uuid REFERENCES users(id),
  changed_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (institution_id, safeguard_code)
);
