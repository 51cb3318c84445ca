-- Needs assessment (ADR 018): what each role must be able to do, as data the coordinator's
-- gap analysis reads alongside the questionnaire answers and the offices' caseload.
CREATE TABLE role_required_competencies (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  role_code text NOT NULL,
  competency_code text NOT NULL REFERENCES competencies(code),
  PRIMARY KEY (operation_id, role_code, competency_code)
);

-- The EUAA core (interview techniques, inclusion, evidence assessment) for eligibility officers,
-- the first-line module for those who meet people first, decision drafting for reviewers.
INSERT INTO role_required_competencies (role_code, competency_code) VALUES
  ('eligibility_officer', 'interview_techniques'),
  ('eligibility_officer', 'inclusion'),
  ('eligibility_officer', 'evidence_assessment'),
  ('first_contact_officer', 'access_procedure'),
  ('registration_clerk', 'access_procedure'),
  ('supervisor', 'evidence_assessment'),
  ('supervisor', 'drafting_decisions'),
  ('trainer', 'trainer');

-- The caseload the gap analysis weighs: claims lodged in the last months (up to today, or the close).
ALTER TABLE training_campaigns
  ADD COLUMN caseload_months integer NOT NULL DEFAULT 12 CHECK (caseload_months BETWEEN 1 AND 60),
  ADD COLUMN description text;
CREATE INDEX training_campaigns_institution_idx ON training_campaigns (institution_id, opens_on DESC);
CREATE INDEX training_needs_responses_user_idx ON training_needs_responses (user_id);
