-- Intake: claim numbers, the claim timeline, assignments, vulnerability flags, INM → COMAR
-- referrals and the indexes of the work queues (docs/decisions/010-claim-numbers-and-lifecycle.md).

-- Claim number format per office: `{prefix}`, `{year}` and `{seq:N}` (counter zero-padded to N).
-- Without a prefix the last segment of the office code is used (COMAR-TAP → TAP).
ALTER TABLE offices
  ADD COLUMN claim_number_prefix text,
  ADD COLUMN claim_number_format text NOT NULL DEFAULT '{prefix}-{year}-{seq:6}';

-- One counter per office and year. Allocation is `UPDATE … SET counter = counter + 1 RETURNING`
-- inside the claim's transaction: the row lock serialises concurrent registrations of one office
-- and a rolled-back registration gives its number back, so numbers have no gaps.
CREATE TABLE claim_number_counters (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  office_id uuid NOT NULL REFERENCES offices(id),
  year smallint NOT NULL,
  counter integer NOT NULL DEFAULT 0,
  PRIMARY KEY (office_id, year)
);

-- Where the claim stands in the timeline: every status change, assignment, flag and note.
CREATE TABLE claim_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  kind text NOT NULL,
  from_status text,
  to_status text,
  reason text,
  details jsonb NOT NULL DEFAULT '{}',
  actor_user_id uuid REFERENCES users(id),
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX claim_events_claim_idx ON claim_events (claim_id, occurred_at, id);

-- Who held the claim when. The open row (unassigned_at IS NULL) matches claims.assigned_officer_id.
CREATE TABLE claim_assignments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  officer_id uuid NOT NULL REFERENCES users(id),
  assigned_by uuid REFERENCES users(id),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  unassigned_at timestamptz,
  reason text
);
CREATE INDEX claim_assignments_claim_idx ON claim_assignments (claim_id, assigned_at);

-- A specific need identified at any stage (EUAA IPSN tool), with the observable indicator behind
-- it. `sensitive` is set from the category (SOGI, health, sexual violence, trafficking) and read
-- only with read:sensitive. A flag is withdrawn, never deleted.
CREATE TABLE vulnerability_flags (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  person_id uuid REFERENCES persons(id),
  category text NOT NULL CHECK (category IN ('child', 'unaccompanied_child', 'disability', 'elderly', 'pregnant',
    'single_parent', 'trafficking', 'serious_illness', 'mental_disorder', 'violence_survivor', 'lgbtiq')),
  indicator text NOT NULL,
  sensitive boolean NOT NULL,
  -- 'recorded' by staff, or 'derived' from the date of birth and the family composition.
  source text NOT NULL DEFAULT 'recorded' CHECK (source IN ('recorded', 'derived')),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES users(id),
  withdrawn_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vulnerability_flags_claim_idx ON vulnerability_flags (claim_id);
CREATE INDEX vulnerability_flags_category_idx ON vulnerability_flags (category, claim_id) WHERE withdrawn_at IS NULL;

-- A first contact (INM border post or detention centre) asking COMAR to take a claim. The people
-- are kept as entered until COMAR accepts: then persons and the claim are created in one
-- transaction and `claim_id` is set.
CREATE TABLE referrals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  source_office_id uuid NOT NULL REFERENCES offices(id),
  target_office_id uuid NOT NULL REFERENCES offices(id),
  -- The principal and any family members, in the claim-input shape (person + relation).
  members jsonb NOT NULL,
  principal_name text NOT NULL,
  expressed_at timestamptz NOT NULL,
  expressed_place text NOT NULL,
  expressed_state_code text NOT NULL,
  entered_mexico_on date,
  channel text NOT NULL CHECK (channel IN ('inm_referral', 'detention_centre')),
  identified boolean NOT NULL,
  informed boolean NOT NULL,
  referred boolean NOT NULL,
  -- [{ memberIndex, category, indicator }] as observed at first contact.
  indicators jsonb NOT NULL DEFAULT '[]',
  notes text,
  -- INM must tell COMAR within 72 hours of the wish being expressed (Reglamento art. 22).
  notice_due_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'returned')),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  return_reason text,
  claim_id uuid REFERENCES claims(id),
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referrals_target_idx ON referrals (target_office_id, status, notice_due_at, id);
CREATE INDEX referrals_source_idx ON referrals (source_office_id, created_at DESC);

-- Work queues (keyset on due date then id; a claim without a due date sorts last through
-- 'infinity'). Open claims are those not yet decided nor closed by a side exit.
CREATE INDEX claims_queue_open_office_idx ON claims (office_id, (COALESCE(decision_due_on, 'infinity'::date)), id)
  WHERE status IN ('registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment',
                   'decision_drafted', 'in_review', 'late_filing_review');
CREATE INDEX claims_queue_open_officer_idx ON claims (assigned_officer_id, (COALESCE(decision_due_on, 'infinity'::date)), id)
  WHERE status IN ('registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment',
                   'decision_drafted', 'in_review', 'late_filing_review');
CREATE INDEX claims_queue_open_all_idx ON claims ((COALESCE(decision_due_on, 'infinity'::date)), id)
  WHERE status IN ('registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment',
                   'decision_drafted', 'in_review', 'late_filing_review');
CREATE INDEX claims_queue_office_idx ON claims (office_id, (COALESCE(decision_due_on, 'infinity'::date)), id);
CREATE INDEX claims_status_office_idx ON claims (office_id, status);
CREATE INDEX claims_lodged_idx ON claims (office_id, lodged_at);
-- Claim-number search: prefix and substring through trigrams (names use persons.name_key).
CREATE INDEX claims_number_trgm_idx ON claims USING gin (claim_number gin_trgm_ops);
