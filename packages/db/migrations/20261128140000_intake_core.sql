-- Core of intake and the legal clock: calendars as data, persons, claims with their members, and
-- the clocks each claim runs. Features extend these tables in later migrations.

-- A calendar is weekend days plus rules (packages/domain/src/calendars). `extends_id` lets an office
-- calendar add DOF-declared days to the LFPA art. 28 calendar without copying its rules.
CREATE TABLE calendars (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  code text NOT NULL,
  name text NOT NULL,
  extends_id uuid REFERENCES calendars(id),
  weekend_days smallint[] NOT NULL DEFAULT '{6,7}',
  weekend_source text,
  -- The calendar new claims use when their office names none; exactly one per operation.
  is_default_for_claims boolean NOT NULL DEFAULT false,
  built_in boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (operation_id, code)
);
CREATE UNIQUE INDEX calendars_one_default_idx ON calendars (operation_id) WHERE is_default_for_claims;

-- One rule of a calendar; `params` holds the kind's fields (month/day, weekday/n, from/to, date…)
-- exactly as the domain's CalendarRule has them, so the engine reads them without mapping.
CREATE TABLE calendar_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  calendar_id uuid NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
  rule_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('fixed_date', 'nth_weekday', 'periodic', 'date_range', 'suspension',
                                     'working_day_override')),
  label text NOT NULL,
  source text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  valid_from smallint,
  valid_to smallint,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (calendar_id, rule_key)
);

-- The calendar materialized day by day: `ordinal` counts working days up to and including the
-- day, so "N working days after D" is one indexed lookup and a suspension moves 100,000 due dates
-- in one set-based UPDATE instead of 100,000 walks through the calendar.
CREATE TABLE calendar_days (
  calendar_id uuid NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
  day date NOT NULL,
  ordinal integer NOT NULL,
  is_working boolean NOT NULL,
  PRIMARY KEY (calendar_id, day)
);
CREATE INDEX calendar_days_ordinal_idx ON calendar_days (calendar_id, ordinal) WHERE is_working;

ALTER TABLE offices ADD COLUMN calendar_id uuid REFERENCES calendars(id);

-- A person as known to the authority; one person may appear in several claims over the years.
CREATE TABLE persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  given_names text NOT NULL,
  first_surname text,
  second_surname text,
  other_names text[] NOT NULL DEFAULT '{}',
  sex text CHECK (sex IN ('female', 'male', 'intersex', 'unknown')),
  -- Sensitive (field policy): read only with read:sensitive.
  gender_identity text,
  birth_date date,
  birth_date_estimated boolean NOT NULL DEFAULT false,
  nationalities text[] NOT NULL DEFAULT '{}',
  habitual_residence text,
  languages text[] NOT NULL DEFAULT '{}',
  needs_interpreter boolean NOT NULL DEFAULT false,
  phone text,
  email text,
  address jsonb NOT NULL DEFAULT '{}',
  documents jsonb NOT NULL DEFAULT '[]',
  -- Set when a supervisor merges this person into another; the row stays so the merge can be undone.
  merged_into_id uuid REFERENCES persons(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE claims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_number text NOT NULL,
  office_id uuid NOT NULL REFERENCES offices(id),
  principal_person_id uuid NOT NULL REFERENCES persons(id),
  channel text NOT NULL CHECK (channel IN ('comar_office', 'inm_referral', 'detention_centre', 'third_party')),
  modality text NOT NULL DEFAULT 'regular' CHECK (modality IN ('regular', 'prioritised', 'accelerated')),
  status text NOT NULL DEFAULT 'registered' CHECK (status IN (
    'registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment', 'decision_drafted',
    'in_review', 'decided', 'notified', 'closed',
    'late_filing_review', 'abandoned', 'withdrawn', 'transferred')),
  entered_mexico_on date,
  -- When the person first said they sought protection (at INM, possibly days before lodging):
  -- the filing-limit clock starts from the entry date, checked against this date.
  protection_expressed_at timestamptz,
  lodged_at timestamptz NOT NULL,
  calendar_id uuid NOT NULL REFERENCES calendars(id),
  assigned_officer_id uuid REFERENCES users(id),
  -- Denormalized from the decision clock so work queues filter and sort on one index.
  decision_due_on date,
  closed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (operation_id, claim_number)
);
CREATE INDEX claims_office_due_idx ON claims (office_id, decision_due_on, id);
CREATE INDEX claims_officer_due_idx ON claims (assigned_officer_id, decision_due_on, id);
CREATE INDEX claims_principal_idx ON claims (principal_person_id);

-- Everyone in the claim, the principal included, with their relation to the principal.
CREATE TABLE claim_members (
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES persons(id),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  relation text NOT NULL CHECK (relation IN ('principal', 'spouse', 'partner', 'child', 'stepchild', 'parent',
                                             'sibling', 'grandchild', 'other_relative', 'other')),
  -- A child travelling without a parent or legal guardian in this claim.
  unaccompanied boolean NOT NULL DEFAULT false,
  PRIMARY KEY (claim_id, person_id)
);
CREATE INDEX claim_members_person_idx ON claim_members (person_id);

-- A legal time limit running for a claim. Working-day clocks count on `calendar_id` from
-- `started_on` (day 0); hour clocks (INM's 72-hour notice) run from `started_at`.
CREATE TABLE claim_clocks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('decision', 'filing_limit', 'appeal', 'ratification', 'inm_notice')),
  calendar_id uuid REFERENCES calendars(id),
  started_on date,
  started_at timestamptz,
  working_days integer,
  hours integer,
  -- The one-time extension (working days added once, with its reason in the timeline).
  extension_days integer NOT NULL DEFAULT 0,
  -- Working days during which the clock stood still (pauses already ended).
  paused_working_days integer NOT NULL DEFAULT 0,
  paused_since date,
  due_on date,
  due_at timestamptz,
  state text NOT NULL DEFAULT 'running' CHECK (state IN ('running', 'paused', 'stopped')),
  stopped_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  UNIQUE (claim_id, kind),
  CHECK ((working_days IS NOT NULL AND started_on IS NOT NULL AND calendar_id IS NOT NULL)
         OR (hours IS NOT NULL AND started_at IS NOT NULL))
);
CREATE INDEX claim_clocks_calendar_running_idx ON claim_clocks (calendar_id, due_on) WHERE state = 'running';
