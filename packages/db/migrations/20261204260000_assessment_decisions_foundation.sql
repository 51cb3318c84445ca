-- Evidence and credibility assessment, the reasoned decision, review, notification and appeal
-- (ADR 028): the records the assessment and decision features share. Each feature adds what is
-- only its own in later migrations.

-- Country-of-origin information: shared across the authority, searched in Spanish and English.
CREATE TABLE coi_sources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  title text NOT NULL,
  publisher text NOT NULL,
  published_on date NOT NULL,
  accessed_on date NOT NULL,
  url text,
  -- ISO 639-1 of the source's text (es, en, fr…).
  language text NOT NULL,
  -- ISO 3166-1 alpha-3 of the countries it covers.
  countries text[] NOT NULL CHECK (cardinality(countries) > 0),
  topics text[] NOT NULL DEFAULT '{}',
  excerpt text NOT NULL DEFAULT '',
  file_name text,
  content_type text,
  content bytea,
  sha256 text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  retired_reason text,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Searched in Spanish and English, accents folded either way (refugio_unaccent is IMMUTABLE).
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('spanish', refugio_unaccent(coalesce(title, ''))), 'A')
    || setweight(to_tsvector('english', refugio_unaccent(coalesce(title, ''))), 'A')
    || setweight(to_tsvector('spanish', refugio_unaccent(coalesce(excerpt, ''))), 'B')
    || setweight(to_tsvector('english', refugio_unaccent(coalesce(excerpt, ''))), 'B')
    || setweight(to_tsvector('simple', refugio_unaccent(coalesce(publisher, ''))), 'C')) STORED
);
CREATE INDEX coi_sources_search_idx ON coi_sources USING gin (search);
CREATE INDEX coi_sources_countries_idx ON coi_sources USING gin (countries);
CREATE INDEX coi_sources_published_idx ON coi_sources (published_on DESC);

-- One assessment per claim (EUAA evidence assessment): its material facts, their evidence and
-- credibility, then the risk and the legal analysis on the accepted facts.
CREATE TABLE claim_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL UNIQUE REFERENCES claims(id) ON DELETE CASCADE,
  risk_assessment text NOT NULL DEFAULT '',
  -- Convention grounds (LRPCPAP art. 13-I, gender included) and nexus; Cartagena circumstances
  -- (art. 13-II); sur place (art. 13-III); actors; internal protection; exclusion; complementary protection.
  convention_grounds text[] NOT NULL DEFAULT '{}' CHECK (convention_grounds <@ ARRAY['race', 'religion', 'nationality', 'gender',
    'particular_social_group', 'political_opinion']),
  nexus text NOT NULL DEFAULT '',
  cartagena_circumstances text[] NOT NULL DEFAULT '{}' CHECK (cartagena_circumstances <@ ARRAY['generalized_violence',
    'foreign_aggression', 'internal_conflict', 'massive_human_rights_violations', 'serious_disturbance_of_public_order']),
  sur_place boolean NOT NULL DEFAULT false,
  actors_of_persecution text NOT NULL DEFAULT '',
  actors_of_protection text NOT NULL DEFAULT '',
  internal_protection_alternative text NOT NULL DEFAULT '',
  exclusion_considered boolean NOT NULL DEFAULT false,
  exclusion_analysis text NOT NULL DEFAULT '',
  exclusion_reviewed_by uuid REFERENCES users(id),
  exclusion_reviewed_at timestamptz,
  complementary_protection text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A material fact, its credibility indicators and its conclusion, with reasons in every case.
CREATE TABLE material_facts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  assessment_id uuid NOT NULL REFERENCES claim_assessments(id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('identity', 'nationality', 'past_event', 'feared_harm', 'profile', 'other')),
  statement text NOT NULL,
  -- Credibility indicators: each positive, negative or neutral, with notes (demeanour is not one).
  sufficiency text CHECK (sufficiency IN ('positive', 'negative', 'neutral')),
  sufficiency_notes text NOT NULL DEFAULT '',
  internal_consistency text CHECK (internal_consistency IN ('positive', 'negative', 'neutral')),
  internal_consistency_notes text NOT NULL DEFAULT '',
  external_consistency text CHECK (external_consistency IN ('positive', 'negative', 'neutral')),
  external_consistency_notes text NOT NULL DEFAULT '',
  plausibility text CHECK (plausibility IN ('positive', 'negative', 'neutral')),
  plausibility_notes text NOT NULL DEFAULT '',
  -- Whether the applicant was given the chance to explain an inconsistency, and what they said.
  chance_to_explain boolean,
  explanation text NOT NULL DEFAULT '',
  conclusion text CHECK (conclusion IN ('accepted', 'rejected', 'benefit_of_doubt')),
  reasons text NOT NULL DEFAULT '',
  -- The benefit of the doubt's conditions (UNHCR Handbook para. 204; EUAA evidence assessment).
  bod_genuine_effort boolean NOT NULL DEFAULT false,
  bod_evidence_submitted boolean NOT NULL DEFAULT false,
  bod_coherent_plausible boolean NOT NULL DEFAULT false,
  bod_timely boolean NOT NULL DEFAULT false,
  bod_generally_credible boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (assessment_id, position) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX material_facts_assessment_idx ON material_facts (assessment_id);

-- Evidence for a fact: a statement (quoted from the signed interview record), a document
-- (uploaded or typed, hashed), a witness or family statement, or a COI citation.
CREATE TABLE fact_evidence (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  fact_id uuid NOT NULL REFERENCES material_facts(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('statement', 'document', 'witness', 'coi')),
  description text NOT NULL,
  -- statement: the interview and the answer it quotes.
  interview_id uuid REFERENCES interviews(id),
  question_code text,
  quote text,
  -- document.
  file_name text,
  content_type text,
  content bytea,
  sha256 text,
  -- coi: the source and the passage cited.
  coi_source_id uuid REFERENCES coi_sources(id),
  coi_passage text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'coi' OR coi_source_id IS NOT NULL),
  CHECK (kind <> 'statement' OR quote IS NOT NULL)
);
CREATE INDEX fact_evidence_fact_idx ON fact_evidence (fact_id);
CREATE INDEX fact_evidence_coi_idx ON fact_evidence (coi_source_id) WHERE coi_source_id IS NOT NULL;

-- The reasoned decision (fundada y motivada, LRPCPAP art. 24): drafted from the assessment in the
-- order introduction → basis of claim → credibility findings → risk → legal analysis → outcome,
-- reviewed by a second officer, signed by the authority's signatory, then locked.
CREATE TABLE decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  outcome text NOT NULL CHECK (outcome IN ('refugee_convention', 'refugee_cartagena', 'refugee_sur_place', 'complementary_protection',
    'rejected', 'excluded', 'abandoned', 'withdrawn')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'returned', 'approved', 'signed', 'superseded')),
  introduction text NOT NULL DEFAULT '',
  basis_of_claim text NOT NULL DEFAULT '',
  credibility_findings text NOT NULL DEFAULT '',
  risk_assessment text NOT NULL DEFAULT '',
  legal_analysis text NOT NULL DEFAULT '',
  outcome_text text NOT NULL DEFAULT '',
  drafted_by uuid REFERENCES users(id),
  submitted_by uuid REFERENCES users(id),
  reviewer_id uuid REFERENCES users(id),
  approved_by uuid REFERENCES users(id),
  approved_at timestamptz,
  signed_by uuid REFERENCES users(id),
  signed_at timestamptz,
  -- The signed PDF, its hash and the code a reader types on the public verification page.
  verification_code text UNIQUE,
  pdf bytea,
  pdf_sha256 text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX decisions_claim_idx ON decisions (claim_id);
-- At most one decision under way per claim (earlier ones superseded after an appeal sends it back).
CREATE UNIQUE INDEX decisions_current_idx ON decisions (claim_id) WHERE status <> 'superseded';

-- Each person's outcome; dependants may derive their status from the principal where the authority applies it.
CREATE TABLE decision_person_outcomes (
  decision_id uuid NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES persons(id),
  outcome text NOT NULL CHECK (outcome IN ('refugee_convention', 'refugee_cartagena', 'refugee_sur_place', 'complementary_protection',
    'rejected', 'excluded', 'abandoned', 'withdrawn')),
  derivative boolean NOT NULL DEFAULT false,
  PRIMARY KEY (decision_id, person_id)
);

-- A reviewer's comment on one section, filed under the EUAA Quality Assurance Tool's headings.
CREATE TABLE decision_review_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  decision_id uuid NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  section text NOT NULL CHECK (section IN ('introduction', 'basis_of_claim', 'credibility_findings', 'risk_assessment',
    'legal_analysis', 'outcome_text', 'form')),
  comment text NOT NULL,
  author_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by uuid REFERENCES users(id)
);
CREATE INDEX decision_review_comments_decision_idx ON decision_review_comments (decision_id);

-- How the decision reached the person: date, place, method, language and interpreter, and their
-- acknowledgement or refusal to sign.
CREATE TABLE decision_notifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  decision_id uuid NOT NULL UNIQUE REFERENCES decisions(id) ON DELETE CASCADE,
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  notified_at timestamptz NOT NULL,
  place text NOT NULL,
  method text NOT NULL CHECK (method IN ('in_person', 'by_mail', 'electronic')),
  -- ISO 639-3 of the language the notification was given in.
  language text NOT NULL,
  interpreter_id uuid REFERENCES interpreters(id),
  interpreter_name text,
  acknowledged boolean NOT NULL,
  refusal_reason text,
  recorded_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (acknowledged OR refusal_reason IS NOT NULL)
);

-- Recurso de revisión (LRPCPAP art. 25): lodged within 15 working days of notification,
-- tracked and resolved; its outcome is kept for the quality indicators.
CREATE TABLE appeals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  decision_id uuid NOT NULL REFERENCES decisions(id),
  lodged_on date NOT NULL,
  lodged_at_office_id uuid REFERENCES offices(id),
  grounds text NOT NULL,
  status text NOT NULL DEFAULT 'lodged' CHECK (status IN ('lodged', 'resolved')),
  outcome text CHECK (outcome IN ('confirmed', 'revoked', 'sent_back')),
  resolved_on date,
  resolution text,
  recorded_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'resolved' OR (outcome IS NOT NULL AND resolved_on IS NOT NULL))
);
CREATE INDEX appeals_claim_idx ON appeals (claim_id);
