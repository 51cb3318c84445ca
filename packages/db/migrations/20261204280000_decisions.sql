-- The reasoned decision, its review, notification and appeal (ADR 030), on the tables of
-- 20261204260000_assessment_decisions_foundation.sql: what only the decisions feature needs.

-- Each section is saved on its own with its own version, so two officers editing different
-- sections never conflict and a stale save of one section answers 409 with it (ADR 008).
ALTER TABLE decisions
  ADD COLUMN introduction_version integer NOT NULL DEFAULT 1,
  ADD COLUMN basis_of_claim_version integer NOT NULL DEFAULT 1,
  ADD COLUMN credibility_findings_version integer NOT NULL DEFAULT 1,
  ADD COLUMN risk_assessment_version integer NOT NULL DEFAULT 1,
  ADD COLUMN legal_analysis_version integer NOT NULL DEFAULT 1,
  ADD COLUMN outcome_text_version integer NOT NULL DEFAULT 1,
  -- Who last saved each section and when (the drafter, or a colleague at the drafter's desk).
  ADD COLUMN sections_updated_by uuid REFERENCES users(id),
  ADD COLUMN sections_updated_at timestamptz,
  -- The assessment's version the draft was generated from: a reviewer sees when it moved since.
  ADD COLUMN assessment_version integer,
  ADD COLUMN drafted_at timestamptz,
  ADD COLUMN submitted_at timestamptz,
  -- The office that issued it, kept at signature: the public verification names it even after a transfer.
  ADD COLUMN issued_office_id uuid REFERENCES offices(id),
  -- The sent-back decision a new one replaces (an appeal's send_back), for the quality indicators.
  ADD COLUMN supersedes_id uuid REFERENCES decisions(id),
  ADD COLUMN superseded_at timestamptz,
  -- The draft quotes a fact marked sensitive (SOGI, health, trauma): its text follows the claim's
  -- field policy (ADR 012) — readers outside it see the decision's status, not its reasons.
  ADD COLUMN sensitive boolean NOT NULL DEFAULT false;

-- A non-substantive closure (abandonment, withdrawal) is recorded as such for the statistics
-- (UNHCR RSD statistics: "otherwise closed"), never drafted, reviewed or signed.
ALTER TABLE decisions DROP CONSTRAINT decisions_status_check;
ALTER TABLE decisions ADD CONSTRAINT decisions_status_check CHECK (status IN ('draft', 'in_review', 'returned', 'approved', 'signed',
  'superseded', 'recorded'));
ALTER TABLE decisions ADD CONSTRAINT decisions_recorded_closure CHECK ((status = 'recorded') = (outcome IN ('abandoned', 'withdrawn')));
-- A signed decision carries its document: the PDF, its hash and its verification code.
ALTER TABLE decisions ADD CONSTRAINT decisions_signed_document CHECK (
  status NOT IN ('signed') OR (pdf IS NOT NULL AND pdf_sha256 IS NOT NULL AND verification_code IS NOT NULL AND signed_at IS NOT NULL));

-- The EUAA Quality Assurance Tool's decision headings, each comment rated as the tool rates an indicator.
ALTER TABLE decision_review_comments DROP CONSTRAINT decision_review_comments_section_check;
ALTER TABLE decision_review_comments ADD CONSTRAINT decision_review_comments_section_check CHECK (section IN ('file_information',
  'introduction', 'basis_of_claim', 'credibility_findings', 'risk_assessment', 'legal_analysis', 'outcome_text', 'form', 'efficiency'));
ALTER TABLE decision_review_comments
  ADD COLUMN rating text NOT NULL DEFAULT 'minor_error' CHECK (rating IN ('correct', 'minor_error', 'significant_error', 'not_applicable')),
  -- The review round (1 for the first submission): comments of earlier rounds stay with the decision.
  ADD COLUMN round integer NOT NULL DEFAULT 1;

ALTER TABLE decisions ADD COLUMN review_round integer NOT NULL DEFAULT 0;

-- One appeal open at a time per claim.
CREATE UNIQUE INDEX appeals_open_idx ON appeals (claim_id) WHERE status = 'lodged';
CREATE INDEX decision_notifications_claim_idx ON decision_notifications (claim_id);
