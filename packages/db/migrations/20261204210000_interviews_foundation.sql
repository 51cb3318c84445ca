-- The personal interview's shared records (ADR 024): the interpreter roster, appointments, the
-- authority's versioned questionnaires and the interview itself. Screening and guarantees,
-- scheduling and the interview's contents add their own tables in later migrations.

-- Interpreters, staff or contracted, with the languages they interpret (ISO 639-3: spa, eng, fra,
-- hat, por, quc, mam, kek, cab, ara…), their sex (applicants may ask for an interpreter of a given
-- sex) and how they can work.
CREATE TABLE interpreters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  institution_id uuid NOT NULL REFERENCES institutions(id),
  -- Staff interpreters sign in (role interpreter) and see their own bookings; contracted ones may not.
  user_id uuid UNIQUE REFERENCES users(id),
  full_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('staff', 'contracted')),
  sex text NOT NULL CHECK (sex IN ('female', 'male', 'intersex', 'unknown')),
  languages text[] NOT NULL CHECK (cardinality(languages) > 0),
  modalities text[] NOT NULL CHECK (modalities <@ ARRAY['in_person', 'telephone', 'video'] AND cardinality(modalities) > 0),
  office_ids uuid[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  notes text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interpreters_languages_idx ON interpreters USING gin (languages);

-- A personal interview's appointment: who interviews, who interprets, where, when.
CREATE TABLE interview_appointments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  office_id uuid NOT NULL REFERENCES offices(id),
  officer_id uuid NOT NULL REFERENCES users(id),
  interpreter_id uuid REFERENCES interpreters(id),
  -- ISO 639-3 of the interview.
  language text NOT NULL,
  modality text NOT NULL CHECK (modality IN ('in_person', 'telephone', 'video')),
  room text,
  video_link text,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'no_show', 'cancelled', 'rescheduled')),
  rescheduled_from_id uuid REFERENCES interview_appointments(id),
  status_reason text,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interview_appointments_claim_idx ON interview_appointments (claim_id);
CREATE INDEX interview_appointments_officer_idx ON interview_appointments (officer_id, starts_at) WHERE status = 'scheduled';
CREATE INDEX interview_appointments_interpreter_idx ON interview_appointments (interpreter_id, starts_at) WHERE status = 'scheduled';
CREATE INDEX interview_appointments_room_idx ON interview_appointments (office_id, room, starts_at) WHERE status = 'scheduled';

-- The authority's questionnaires, one row per version: editing a published version creates the
-- next one; every interview keeps the version it used. `content` is the questionnaire as the
-- authority wrote it (stages of the EUAA method, each with its checklist and questions), read by
-- the code through one zod schema; answers are rows of their own.
CREATE TABLE interview_templates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  institution_id uuid NOT NULL REFERENCES institutions(id),
  code text NOT NULL,
  version integer NOT NULL,
  title text NOT NULL,
  audience text NOT NULL CHECK (audience IN ('first_contact', 'eligibility', 'child')),
  language text NOT NULL DEFAULT 'es-MX',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
  content jsonb NOT NULL,
  published_at timestamptz,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  row_version integer NOT NULL DEFAULT 1,
  UNIQUE (institution_id, code, version)
);

-- One personal interview of a claim, on one version of a questionnaire.
CREATE TABLE interviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES persons(id),
  appointment_id uuid REFERENCES interview_appointments(id),
  template_id uuid NOT NULL REFERENCES interview_templates(id),
  officer_id uuid NOT NULL REFERENCES users(id),
  interpreter_id uuid REFERENCES interpreters(id),
  language text NOT NULL,
  status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'read_back', 'signed')),
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  signed_at timestamptz,
  narrative text NOT NULL DEFAULT '',
  observations text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX interviews_claim_idx ON interviews (claim_id);
CREATE INDEX interviews_interpreter_idx ON interviews (interpreter_id);
