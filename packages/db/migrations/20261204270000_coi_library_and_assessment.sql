-- The COI library and the claim's assessment (ADR 029), on the tables of ADR 028.

-- How old a source may be before it is marked as such when listed and cited, per institution
-- (EUAA COI methodology: information must be current; the limit is the authority's choice).
CREATE TABLE coi_settings (
  institution_id uuid PRIMARY KEY REFERENCES institutions(id),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  max_age_years integer NOT NULL DEFAULT 3 CHECK (max_age_years BETWEEN 1 AND 20),
  updated_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Retiring a source keeps it (decisions cite it) with who retired it, when and why; a file's size
-- is kept beside its SHA-256. Topics come from a closed list and are filtered like countries.
ALTER TABLE coi_sources
  ADD COLUMN retired_by uuid REFERENCES users(id),
  ADD COLUMN retired_at timestamptz,
  ADD COLUMN size_bytes integer,
  ADD CONSTRAINT coi_sources_retired_reason CHECK (status <> 'retired' OR retired_reason IS NOT NULL),
  ADD CONSTRAINT coi_sources_file_hashed CHECK (content IS NULL OR sha256 IS NOT NULL);
CREATE INDEX coi_sources_topics_idx ON coi_sources USING gin (topics);

-- The legal analysis in its own words for Cartagena (LRPCPAP art. 13-II) and sur place (art. 13-III),
-- and what the supervisor wrote when reviewing a considered exclusion (1951 Convention art. 1F).
ALTER TABLE claim_assessments
  ADD COLUMN cartagena_analysis text NOT NULL DEFAULT '',
  ADD COLUMN sur_place_analysis text NOT NULL DEFAULT '',
  ADD COLUMN exclusion_review_notes text NOT NULL DEFAULT '';

-- A fact that reveals sexual orientation, gender identity, health or trauma is read only under the
-- claim's field policy (ADR 012); who concluded it and when.
ALTER TABLE material_facts
  ADD COLUMN sensitive boolean NOT NULL DEFAULT false,
  ADD COLUMN concluded_by uuid REFERENCES users(id),
  ADD COLUMN concluded_at timestamptz,
  ADD CONSTRAINT material_facts_reasons CHECK (conclusion IS NULL OR btrim(reasons) <> ''),
  ADD CONSTRAINT material_facts_benefit_of_doubt CHECK (conclusion IS DISTINCT FROM 'benefit_of_doubt'
    OR (bod_genuine_effort AND bod_evidence_submitted AND bod_coherent_plausible AND bod_timely AND bod_generally_credible));

-- A document's size beside its hash. Evidence is never edited, only added or removed (what a fact
-- rested on at a time is in the audit trail), so it carries no version.
ALTER TABLE fact_evidence
  ADD COLUMN size_bytes integer,
  ADD CONSTRAINT fact_evidence_coi_passage CHECK (kind <> 'coi' OR btrim(coalesce(coi_passage, '')) <> ''),
  ADD CONSTRAINT fact_evidence_document_hashed CHECK (kind <> 'document' OR sha256 IS NOT NULL);
CREATE INDEX fact_evidence_interview_idx ON fact_evidence (interview_id) WHERE interview_id IS NOT NULL;

-- Claims already taken into assessment before this feature get their (empty) assessment.
INSERT INTO claim_assessments (operation_id, claim_id)
SELECT operation_id, id FROM claims
 WHERE status IN ('under_assessment', 'decision_drafted', 'in_review', 'approved', 'decided', 'notified', 'appealed')
ON CONFLICT (claim_id) DO NOTHING;
