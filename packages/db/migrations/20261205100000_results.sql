-- Results the authority is judged on (ADR 040): summary tables rebuilt together by one periodic
-- refresh (apps/api/src/housekeeping.ts), each figure read with the time of the refresh that
-- produced it. Every table is derived: dropping its rows loses nothing a refresh cannot rebuild.

-- When each summary was last rebuilt, how long it took and how many rows it holds.
CREATE TABLE results_refreshes (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  name text NOT NULL,
  refreshed_at timestamptz NOT NULL,
  duration_ms integer NOT NULL,
  row_count integer NOT NULL,
  PRIMARY KEY (operation_id, name)
);

-- UNHCR's standard RSD statistics, first instance: applications per month of lodging, counted in
-- persons (P, every member of the claim) and in cases (C, the principal), by office, country of
-- origin (first nationality), sex and age group (age on the day of lodging, so a person stays in one
-- cell from application to decision and "pending" is applications minus decisions in each cell).
CREATE TABLE results_applications (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  month date NOT NULL,
  office_id uuid NOT NULL REFERENCES offices(id),
  origin text NOT NULL,
  sex text NOT NULL,
  age_group text NOT NULL,
  count_type text NOT NULL CHECK (count_type IN ('P', 'C')),
  n integer NOT NULL
);
CREATE INDEX results_applications_month_idx ON results_applications (month, office_id);

-- The first decision of each claim (signed on the merits, or a recorded closure), per month of
-- signature and outcome. A decision after an appeal sent the claim back is an appeal-stage outcome
-- (results_appeal_outcomes), not a second first-instance decision.
CREATE TABLE results_first_decisions (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  month date NOT NULL,
  office_id uuid NOT NULL REFERENCES offices(id),
  origin text NOT NULL,
  sex text NOT NULL,
  age_group text NOT NULL,
  count_type text NOT NULL CHECK (count_type IN ('P', 'C')),
  outcome text NOT NULL,
  n integer NOT NULL
);
CREATE INDEX results_first_decisions_month_idx ON results_first_decisions (month, office_id);

-- Working days from the decision clock's day 0 to the first decision on the merits (pauses
-- deducted), as a histogram per month and office: shares within the term, medians and p90 come
-- from it exactly, whatever the period.
CREATE TABLE results_decision_times (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  month date NOT NULL,
  office_id uuid NOT NULL REFERENCES offices(id),
  days integer NOT NULL,
  term integer NOT NULL,
  extension integer NOT NULL,
  n integer NOT NULL
);
CREATE INDEX results_decision_times_month_idx ON results_decision_times (month, office_id);

-- Open claims at the refresh: per office and officer, the working days their decision clock has
-- run (band), the risk band of their due date and whether it is past.
CREATE TABLE results_open_claims (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  office_id uuid NOT NULL REFERENCES offices(id),
  officer_id uuid REFERENCES users(id),
  age_band text NOT NULL,
  risk_band text NOT NULL,
  overdue boolean NOT NULL,
  n integer NOT NULL
);
CREATE INDEX results_open_claims_office_idx ON results_open_claims (office_id);

-- The 72-hour notice to INM (Reglamento art. 22) per month of the wish to seek protection:
-- given in time, late, past due and still not given, or still within its hours.
CREATE TABLE results_inm_notices (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  month date NOT NULL,
  office_id uuid NOT NULL REFERENCES offices(id),
  state text NOT NULL CHECK (state IN ('in_time', 'late', 'overdue', 'running')),
  n integer NOT NULL
);

-- The 15-working-day appeal window (LRPCPAP art. 25) per month of notification: windows opened,
-- appeals lodged, lodged within the window, windows still open.
CREATE TABLE results_appeal_windows (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  month date NOT NULL,
  office_id uuid NOT NULL REFERENCES offices(id),
  opened integer NOT NULL,
  lodged integer NOT NULL,
  lodged_in_time integer NOT NULL,
  still_open integer NOT NULL
);

-- Appeals per month lodged, office and the drafting officer's cohort (the year they were first
-- assigned a claim), by outcome: confirmed, revoked, sent back, or pending.
CREATE TABLE results_appeal_outcomes (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  month date NOT NULL,
  office_id uuid NOT NULL REFERENCES offices(id),
  cohort text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('confirmed', 'revoked', 'sent_back', 'pending')),
  n integer NOT NULL
);

-- Decisions that went to review per month submitted, office and cohort: how many, how many were
-- returned to the drafter at least once.
CREATE TABLE results_reviews (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  month date NOT NULL,
  office_id uuid NOT NULL REFERENCES offices(id),
  cohort text NOT NULL,
  reviewed integer NOT NULL,
  returned integer NOT NULL
);

-- Why: the reviewers' comments on returned decisions per month, office, heading of the EUAA
-- Quality Assurance Tool and rating.
CREATE TABLE results_review_reasons (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  month date NOT NULL,
  office_id uuid NOT NULL REFERENCES offices(id),
  section text NOT NULL,
  rating text NOT NULL,
  n integer NOT NULL
);

-- Interviews held per month and office: their checklist complete; of those whose person had a
-- guarantee that governs the interview, how many had every such guarantee met before it began.
CREATE TABLE results_interviews (
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  month date NOT NULL,
  office_id uuid NOT NULL REFERENCES offices(id),
  interviews integer NOT NULL,
  checklist_complete integer NOT NULL,
  with_guarantees integer NOT NULL,
  guarantees_met_before integer NOT NULL
);

-- What the refresh reads: first decisions per claim, appeals by decision, comments by decision.
CREATE INDEX decisions_signed_claim_idx ON decisions (claim_id, signed_at) WHERE signed_at IS NOT NULL;
CREATE INDEX appeals_decision_idx ON appeals (decision_id);
