-- The personal interview's record (ADR 025, on the shared tables of ADR 024): who was present,
-- the stage checklists, the answers, breaks, the read-back and its corrections, signatures, the
-- locked record's annexes and audio. Every piece the officer types is a row (or a column) with
-- its own version, so two saves of different answers never conflict and a stale save of the same
-- answer answers 409 with the text that won (ADR 008).

-- A questionnaire version is immutable once published; the one code has one draft at most.
CREATE UNIQUE INDEX interview_templates_one_draft_idx ON interview_templates (institution_id, code) WHERE status = 'draft';
CREATE INDEX interview_templates_institution_idx ON interview_templates (institution_id, code, version DESC);

-- The free narrative and the officer's observations are autosaved on their own, each with its
-- version (the row's `version` moves only with the interview's status). Reading the record back
-- and locking it are facts of their own; the SHA-256 of the locked record ties the PDF to it.
ALTER TABLE interviews
  ADD COLUMN narrative_version integer NOT NULL DEFAULT 0,
  ADD COLUMN observations_version integer NOT NULL DEFAULT 0,
  ADD COLUMN read_back_at timestamptz,
  ADD COLUMN read_back_by uuid REFERENCES users(id),
  ADD COLUMN record_sha256 text;
CREATE INDEX interviews_officer_idx ON interviews (officer_id, started_at DESC);

-- Who was present and in what role (EUAA practical guide on the personal interview, "opening":
-- introductions and roles). The applicant and the conducting officer are added when the
-- interview starts; a representative or guardian, a lawyer, a trusted person, an interpreter
-- not on the roster are added by the officer.
CREATE TABLE interview_participants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  interview_id uuid NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('applicant', 'officer', 'interpreter', 'representative', 'lawyer', 'trusted_person')),
  full_name text NOT NULL,
  organisation text,
  person_id uuid REFERENCES persons(id),
  user_id uuid REFERENCES users(id),
  interpreter_id uuid REFERENCES interpreters(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interview_participants_interview_idx ON interview_participants (interview_id);
CREATE INDEX interview_participants_interpreter_idx ON interview_participants (interpreter_id) WHERE interpreter_id IS NOT NULL;
CREATE UNIQUE INDEX interview_participants_one_applicant_idx ON interview_participants (interview_id, role) WHERE role IN ('applicant', 'officer');

-- One checklist item of a stage, ticked (with a note) or not; absent rows are not ticked yet.
CREATE TABLE interview_checklist (
  interview_id uuid NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  item_id text NOT NULL,
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  done boolean NOT NULL,
  note text NOT NULL DEFAULT '',
  updated_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (interview_id, item_id)
);

-- One answer, as the template's question type shapes it ({text}, {option}, {date}, {country},
-- {answer, explanation}); absent rows are unanswered.
CREATE TABLE interview_answers (
  interview_id uuid NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  question_id text NOT NULL,
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  value jsonb NOT NULL,
  updated_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (interview_id, question_id)
);

-- Breaks with their times (EUAA guide: offer breaks; children and vulnerable applicants: planned breaks).
CREATE TABLE interview_breaks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  interview_id uuid NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz CHECK (ended_at IS NULL OR ended_at >= started_at),
  reason text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interview_breaks_interview_idx ON interview_breaks (interview_id, started_at);
CREATE UNIQUE INDEX interview_breaks_one_open_idx ON interview_breaks (interview_id) WHERE ended_at IS NULL;

-- A change asked for when the record is read back (EUAA guide, "closing": read back the record
-- and allow corrections before signatures): what it said, what it says now, who asked.
CREATE TABLE interview_corrections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  interview_id uuid NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  -- 'narrative', 'observations' or a question id.
  target text NOT NULL,
  before_value jsonb NOT NULL,
  after_value jsonb NOT NULL,
  requested_by_role text NOT NULL CHECK (requested_by_role IN ('applicant', 'officer', 'interpreter', 'representative', 'lawyer', 'trusted_person')),
  note text NOT NULL DEFAULT '',
  recorded_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interview_corrections_interview_idx ON interview_corrections (interview_id, created_at);

-- Signatures, once per role: the applicant's drawn on screen or declined with the reason, the
-- interpreter's drawn, the officer's drawn or attested by their own signed-in session.
CREATE TABLE interview_signatures (
  interview_id uuid NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('applicant', 'interpreter', 'officer')),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  method text NOT NULL CHECK (method IN ('drawn', 'declined', 'attested')),
  signer_name text NOT NULL,
  image bytea,
  image_sha256 text,
  declined_reason text,
  recorded_by uuid NOT NULL REFERENCES users(id),
  signed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (interview_id, role),
  CHECK ((method = 'drawn') = (image IS NOT NULL)),
  CHECK ((method = 'declined') = (declined_reason IS NOT NULL)),
  CHECK (method <> 'declined' OR role = 'applicant'),
  CHECK (method <> 'attested' OR role = 'officer')
);

-- Anything added after the record is locked: an annex, never an edit.
CREATE TABLE interview_annexes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  interview_id uuid NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  text text NOT NULL,
  added_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interview_annexes_interview_idx ON interview_annexes (interview_id, created_at);

-- An audio recording of the interview, kept with its SHA-256 so a copy can be checked against it.
CREATE TABLE interview_audio (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  interview_id uuid NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  content_type text NOT NULL,
  byte_size integer NOT NULL CHECK (byte_size > 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (interview_id, sha256)
);

-- Which tabs or devices have the interview open: each sends a heartbeat, and is told of the
-- others (a second tab is told, never silently overwritten; ADR 025). Presence, not case data.
CREATE TABLE interview_editors (
  interview_id uuid NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  editor_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id),
  opened_at timestamptz NOT NULL DEFAULT now(),
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (interview_id, editor_id)
);
