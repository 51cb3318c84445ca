-- Interpreters and scheduling (ADR 024, ADR 027): weekly availability on the roster; on each
-- appointment the person interviewed, the applicant's requests and how each was answered,
-- postponements for a guarantee (with the clock pause they caused), who changed its status; the
-- weekly signature of non-detained applicants (Reglamento art. 24) and the supervisor's decisions
-- on the abandonment it may lead to; the authority's settings for both.

-- Weekly availability: [{weekday 1 (Monday)–7, from 'HH:MM', to 'HH:MM'}], in the zone of the
-- office of each appointment. Empty: available whenever the office works (no restriction recorded).
ALTER TABLE interpreters ADD COLUMN availability jsonb NOT NULL DEFAULT '[]';
CREATE INDEX interpreters_offices_idx ON interpreters USING gin (office_ids);

-- A postponement keeps its row (status 'postponed'), like a no-show or a reschedule.
ALTER TABLE interview_appointments DROP CONSTRAINT interview_appointments_status_check;
ALTER TABLE interview_appointments ADD CONSTRAINT interview_appointments_status_check
  CHECK (status IN ('scheduled', 'held', 'no_show', 'cancelled', 'rescheduled', 'postponed'));
ALTER TABLE interview_appointments
  -- The person interviewed (the principal unless another member of the family is heard).
  ADD COLUMN person_id uuid REFERENCES persons(id),
  -- [{kind: officer_sex | interpreter_sex | third_party, sex?, role?, name?, honoured, reason}]
  ADD COLUMN applicant_requests jsonb NOT NULL DEFAULT '[]',
  -- The UI language the applicant's notice is printed in (es-MX, en, fr); Spanish when theirs has no translation.
  ADD COLUMN notice_language text NOT NULL DEFAULT 'es-MX',
  -- Postponed for a guarantee (fitness for interview, a representative to appoint…): which one,
  -- and whether it paused the decision clock, on which legal basis, until the next appointment.
  ADD COLUMN postponed_for text,
  ADD COLUMN clock_paused boolean NOT NULL DEFAULT false,
  ADD COLUMN clock_legal_basis text,
  ADD COLUMN clock_resumed_at timestamptz,
  ADD COLUMN status_changed_at timestamptz,
  ADD COLUMN status_changed_by uuid REFERENCES users(id);
-- The agenda reads an officer's appointments of every status over a month.
CREATE INDEX interview_appointments_agenda_idx ON interview_appointments (officer_id, starts_at);
-- At most one appointment of a claim is scheduled at a time: a new one reschedules it.
CREATE UNIQUE INDEX interview_appointments_one_scheduled_idx ON interview_appointments (claim_id) WHERE status = 'scheduled';

-- Per authority: the abandonment threshold (Reglamento art. 24 gives none: unverified, shown as
-- such) and whether a postponement for a guarantee pauses the decision clock, on which basis.
CREATE TABLE scheduling_settings (
  institution_id uuid PRIMARY KEY REFERENCES institutions(id),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  missed_signatures_threshold integer NOT NULL DEFAULT 3 CHECK (missed_signatures_threshold BETWEEN 1 AND 52),
  threshold_verified boolean NOT NULL DEFAULT false,
  postponement_pauses_clock boolean NOT NULL DEFAULT false,
  postponement_legal_basis text,
  updated_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (NOT postponement_pauses_clock OR postponement_legal_basis IS NOT NULL)
);

-- One weekly signature (presence) of a claim's applicant: where, on which day, who recorded it.
CREATE TABLE signature_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  office_id uuid NOT NULL REFERENCES offices(id),
  signed_on date NOT NULL,
  notes text,
  recorded_by uuid NOT NULL REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signature_records_claim_idx ON signature_records (claim_id, signed_on DESC);

-- The supervisor's answer to a proposed abandonment: confirmed (the abandon step was taken) or
-- dismissed, always with a reason. A dismissal covers the run of missed weeks it was shown.
CREATE TABLE abandonment_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  office_id uuid NOT NULL REFERENCES offices(id),
  decision text NOT NULL CHECK (decision IN ('confirmed', 'dismissed')),
  -- The day the run of missed weeks started from (last signature, or lodging) and its length then.
  streak_from date NOT NULL,
  missed_weeks integer NOT NULL,
  reason text NOT NULL,
  decided_by uuid NOT NULL REFERENCES users(id),
  decided_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX abandonment_decisions_claim_idx ON abandonment_decisions (claim_id, decided_at DESC);
