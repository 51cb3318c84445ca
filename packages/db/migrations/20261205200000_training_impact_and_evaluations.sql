-- Training impact (ADR 045) reads decisions by the officer who drafted them and the day they were
-- signed, and appeals by the decision they challenge; evaluations of capacity-building actions
-- (ADR 047) record an action, the sessions it ran and the ten good-practice criteria of the
-- MIEUX case studies, each with the evaluator's assessment and evidence.

-- The impact comparison selects the signed decisions of a window of dates (a tenth of a decade's).
CREATE INDEX decisions_signed_at_idx ON decisions (signed_at) WHERE status IN ('signed', 'superseded');
-- Appeals by their decision: appeals_decision_idx, created with the results summaries.

CREATE TABLE capacity_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  -- The beneficiary institution whose staff the action trained; readers see their institution's actions.
  institution_id uuid NOT NULL REFERENCES institutions(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('eu_funded', 'national_programme', 'other')),
  funder text NOT NULL DEFAULT '',
  objectives text NOT NULL DEFAULT '',
  -- Partner institutions as named by the action (European agencies, UNHCR, national bodies).
  partners text[] NOT NULL DEFAULT '{}',
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX capacity_actions_institution_idx ON capacity_actions (institution_id, starts_on DESC);

-- The activities of an action are the training sessions it ran.
CREATE TABLE capacity_action_sessions (
  action_id uuid NOT NULL REFERENCES capacity_actions(id) ON DELETE CASCADE,
  session_id uuid NOT NULL REFERENCES training_sessions(id),
  PRIMARY KEY (action_id, session_id)
);
CREATE INDEX capacity_action_sessions_session_idx ON capacity_action_sessions (session_id);

-- One row per criterion the evaluator has written; criteria without a row are not yet assessed.
CREATE TABLE capacity_action_criteria (
  action_id uuid NOT NULL REFERENCES capacity_actions(id) ON DELETE CASCADE,
  criterion text NOT NULL CHECK (criterion IN ('ownership', 'innovation', 'replicability', 'tangible_results', 'high_level_approval',
    'fit_with_priorities', 'highest_expertise', 'complementarity', 'eu_added_value', 'knowledge_exchange')),
  rating text NOT NULL CHECK (rating IN ('met', 'partly_met', 'not_met', 'not_assessed')),
  assessment text NOT NULL DEFAULT '',
  evidence text NOT NULL DEFAULT '',
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (action_id, criterion)
);
