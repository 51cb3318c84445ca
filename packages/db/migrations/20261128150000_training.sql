-- Training programme (EUAA curriculum; ADRs 013–018): curriculum, guides, trainers, needs assessment, sessions,
-- the separate records the programme keeps (enrolment, online completion, attendance per day,
-- assessment, certificate), the competency register they feed, and the gating rules that make
-- a competency a condition of taking a claim. Titles shown to users are {"es-MX","en","fr"} objects.

-- What an officer can be trusted to do, e.g. 'interviewing_children'.
CREATE TABLE competencies (
  code text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  title jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE training_modules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  code text NOT NULL,
  title jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  level text NOT NULL CHECK (level IN ('first_line', 'core', 'advanced', 'specialised', 'trainer')),
  -- Role codes the module is meant for (eligibility_officer, first_contact_officer, …).
  target_groups text[] NOT NULL DEFAULT '{}',
  formats text[] NOT NULL CHECK (formats <@ ARRAY['in_person', 'videoconference', 'online', 'blended']::text[] AND cardinality(formats) > 0),
  online_hours numeric(5,1) NOT NULL DEFAULT 0 CHECK (online_hours >= 0),
  face_to_face_days numeric(4,1) NOT NULL DEFAULT 0 CHECK (face_to_face_days >= 0),
  -- NULL: the competencies it grants do not expire.
  validity_months integer CHECK (validity_months > 0),
  -- {"online": bool, "attendance": bool, "attendancePct": 0-100, "passMark": number|null}
  completion_rule jsonb NOT NULL,
  -- Alternative to the prerequisites: {"roles": ["eligibility_officer"], "months": 6, "activity": "interviewing"}
  experience_route jsonb,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (operation_id, code)
);

CREATE TABLE training_module_competencies (
  module_id uuid NOT NULL REFERENCES training_modules(id) ON DELETE CASCADE,
  competency_code text NOT NULL REFERENCES competencies(code),
  PRIMARY KEY (module_id, competency_code)
);

-- Competencies a participant must already hold (or the module's experience route).
CREATE TABLE training_module_prerequisites (
  module_id uuid NOT NULL REFERENCES training_modules(id) ON DELETE CASCADE,
  competency_code text NOT NULL REFERENCES competencies(code),
  PRIMARY KEY (module_id, competency_code)
);

-- Practical guides: one row per version and language; a new version supersedes, never overwrites.
CREATE TABLE training_guides (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  code text NOT NULL,
  language text NOT NULL CHECK (language IN ('es-MX', 'en', 'fr')),
  version integer NOT NULL CHECK (version > 0),
  title text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('file', 'link')),
  url text,
  file_name text,
  content_type text,
  content bytea,
  sha256 text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (operation_id, code, language, version),
  CHECK ((kind = 'link' AND url IS NOT NULL AND content IS NULL) OR (kind = 'file' AND content IS NOT NULL AND file_name IS NOT NULL))
);

CREATE TABLE training_guide_modules (
  guide_code text NOT NULL,
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  module_id uuid NOT NULL REFERENCES training_modules(id) ON DELETE CASCADE,
  PRIMARY KEY (operation_id, guide_code, module_id)
);

-- Trainer roster: national trainers (staff users) and visiting experts (no user account).
CREATE TABLE trainers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  user_id uuid UNIQUE REFERENCES users(id),
  full_name text NOT NULL,
  organisation text NOT NULL,
  country_code text NOT NULL CHECK (country_code ~ '^[A-Z]{2}$'),
  languages text[] NOT NULL DEFAULT '{}',
  email text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Train-the-trainer: trainer status is certified per module.
CREATE TABLE trainer_certifications (
  trainer_id uuid NOT NULL REFERENCES trainers(id) ON DELETE CASCADE,
  module_id uuid NOT NULL REFERENCES training_modules(id),
  certified_on date NOT NULL,
  expires_on date,
  PRIMARY KEY (trainer_id, module_id)
);

-- Needs assessment: a campaign per institution (optionally one office), a questionnaire per staff member.
CREATE TABLE training_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  institution_id uuid NOT NULL REFERENCES institutions(id),
  office_id uuid REFERENCES offices(id),
  title text NOT NULL,
  opens_on date NOT NULL,
  closes_on date NOT NULL CHECK (closes_on >= opens_on),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('draft', 'open', 'closed')),
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE training_needs_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  campaign_id uuid NOT NULL REFERENCES training_campaigns(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  role_code text NOT NULL,
  years_experience numeric(4,1) NOT NULL CHECK (years_experience >= 0),
  -- {"interview_techniques": 0..3, …}: none, basic, confident, expert.
  self_levels jsonb NOT NULL DEFAULT '{}',
  preferred_format text NOT NULL CHECK (preferred_format IN ('in_person', 'videoconference', 'online', 'blended')),
  languages text[] NOT NULL DEFAULT '{}',
  comments text,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, user_id)
);

CREATE TABLE training_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  module_id uuid NOT NULL REFERENCES training_modules(id),
  code text NOT NULL,
  format text NOT NULL CHECK (format IN ('in_person', 'videoconference', 'online', 'blended')),
  -- The organising institution and (for in-person) the hosting office.
  institution_id uuid NOT NULL REFERENCES institutions(id),
  office_id uuid REFERENCES offices(id),
  venue text,
  video_link text,
  -- A blended session is dated by its online start (as the EUAA blended courses are).
  online_starts_on date,
  online_ends_on date,
  capacity integer NOT NULL CHECK (capacity > 0),
  self_enrolment boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'in_progress', 'completed', 'cancelled')),
  language text NOT NULL DEFAULT 'es-MX' CHECK (language IN ('es-MX', 'en', 'fr')),
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (operation_id, code)
);
CREATE INDEX training_sessions_module_idx ON training_sessions (module_id);

CREATE TABLE training_session_days (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  session_id uuid NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
  day date NOT NULL,
  starts_at time NOT NULL,
  ends_at time NOT NULL CHECK (ends_at > starts_at),
  UNIQUE (session_id, day)
);

CREATE TABLE training_session_trainers (
  session_id uuid NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
  trainer_id uuid NOT NULL REFERENCES trainers(id),
  lead boolean NOT NULL DEFAULT false,
  PRIMARY KEY (session_id, trainer_id)
);

-- Pre-reading: guides (by code, the participant's language and latest version at reading time).
CREATE TABLE training_session_guides (
  session_id uuid NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  guide_code text NOT NULL,
  PRIMARY KEY (session_id, guide_code)
);

CREATE TABLE training_enrolments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  session_id uuid NOT NULL REFERENCES training_sessions(id),
  user_id uuid NOT NULL REFERENCES users(id),
  status text NOT NULL CHECK (status IN ('requested', 'enrolled', 'waitlisted', 'rejected', 'cancelled')),
  -- Order on the waiting list; promoted in this order when a place frees.
  waitlisted_at timestamptz,
  requested_by uuid REFERENCES users(id),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  decision_reason text,
  -- Set when the coordinator enrolled someone who lacks the prerequisites.
  prerequisite_override_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (session_id, user_id)
);
CREATE INDEX training_enrolments_user_idx ON training_enrolments (user_id);

CREATE TABLE training_guide_acknowledgements (
  enrolment_id uuid NOT NULL REFERENCES training_enrolments(id) ON DELETE CASCADE,
  guide_id uuid NOT NULL REFERENCES training_guides(id),
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enrolment_id, guide_id)
);

-- One file imported (LMS completions, videoconference participants): kept with its verdict.
CREATE TABLE training_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  session_id uuid NOT NULL REFERENCES training_sessions(id),
  kind text NOT NULL CHECK (kind IN ('lms_completion', 'videoconference_attendance')),
  file_name text NOT NULL,
  sha256 text NOT NULL,
  row_count integer NOT NULL,
  accepted boolean NOT NULL,
  -- [{ "line": 7, "field": "email", "reason": "…" }] when rejected.
  errors jsonb NOT NULL DEFAULT '[]',
  imported_by uuid REFERENCES users(id),
  imported_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE training_online_completions (
  enrolment_id uuid PRIMARY KEY REFERENCES training_enrolments(id) ON DELETE CASCADE,
  completed_on date NOT NULL,
  score numeric(5,2),
  source text NOT NULL CHECK (source IN ('manual', 'lms_import')),
  import_id uuid REFERENCES training_imports(id),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE training_attendance (
  enrolment_id uuid NOT NULL REFERENCES training_enrolments(id) ON DELETE CASCADE,
  session_day_id uuid NOT NULL REFERENCES training_session_days(id) ON DELETE CASCADE,
  minutes_attended integer NOT NULL CHECK (minutes_attended >= 0),
  source text NOT NULL CHECK (source IN ('manual', 'videoconference_import')),
  import_id uuid REFERENCES training_imports(id),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (enrolment_id, session_day_id)
);

CREATE TABLE training_assessments (
  enrolment_id uuid PRIMARY KEY REFERENCES training_enrolments(id) ON DELETE CASCADE,
  score numeric(5,2) NOT NULL CHECK (score >= 0 AND score <= 100),
  assessed_by uuid REFERENCES users(id),
  assessed_at timestamptz NOT NULL DEFAULT now(),
  notes text
);

-- A completed enrolment's certificate; the PDF is rendered from this row on demand. The
-- verification code is random and is the only key of the public page.
CREATE TABLE training_certificates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  enrolment_id uuid NOT NULL UNIQUE REFERENCES training_enrolments(id),
  user_id uuid NOT NULL REFERENCES users(id),
  module_id uuid NOT NULL REFERENCES training_modules(id),
  verification_code text NOT NULL UNIQUE,
  language text NOT NULL CHECK (language IN ('es-MX', 'en', 'fr')),
  completed_on date NOT NULL,
  valid_until date,
  issued_by uuid REFERENCES users(id),
  issued_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX training_certificates_user_idx ON training_certificates (user_id);

-- The competency register: each competency a person holds, from where, until when. A renewal is
-- a new row pointing at the one it renews; a grant is revoked, never deleted.
CREATE TABLE competency_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  user_id uuid NOT NULL REFERENCES users(id),
  competency_code text NOT NULL REFERENCES competencies(code),
  source text NOT NULL CHECK (source IN ('training', 'experience', 'external_certificate')),
  module_id uuid REFERENCES training_modules(id),
  enrolment_id uuid REFERENCES training_enrolments(id),
  evidence text,
  granted_on date NOT NULL,
  expires_on date,
  renews_grant_id uuid REFERENCES competency_grants(id),
  recorded_by uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users(id),
  revoked_reason text,
  CHECK (expires_on IS NULL OR expires_on > granted_on),
  CHECK (source <> 'training' OR enrolment_id IS NOT NULL)
);
-- The gating check: does this user hold this competency today?
CREATE INDEX competency_grants_user_idx ON competency_grants (user_id, competency_code, expires_on) WHERE revoked_at IS NULL;
CREATE INDEX competency_grants_competency_idx ON competency_grants (competency_code, expires_on) WHERE revoked_at IS NULL;

-- Gating rules as data: a need identified in a claim requires a competency of whoever is
-- assigned the claim. need_code is a vulnerability flag category, 'exclusion_indicator', or
-- 'any_claim' (every eligibility officer).
CREATE TABLE competency_gating_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  need_code text NOT NULL,
  competency_code text NOT NULL REFERENCES competencies(code),
  active boolean NOT NULL DEFAULT true,
  rationale text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (operation_id, need_code, competency_code)
);

-- Each assignment keeps what the gating check required and what was missing, so the programme's
-- indicator (flagged claims given to a competent officer) is measured as it was at the time.
-- A supervisor's override of the check is kept on the assignment it allowed.
ALTER TABLE claim_assignments
  ADD COLUMN required_competencies text[] NOT NULL DEFAULT '{}',
  ADD COLUMN override_reason text,
  ADD COLUMN missing_competencies text[] NOT NULL DEFAULT '{}';
