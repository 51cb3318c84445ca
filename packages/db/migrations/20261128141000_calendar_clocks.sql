-- Working-day arithmetic in SQL on the materialized calendar_days, and the record of every
-- recomputation a calendar change caused (docs/decisions/009-materialized-working-day-calendars.md).
--
-- Convention (ADR 009; LFPA art. 28 counting): the event day is day 0, day 1 is the first working day after it. In
-- calendar_days, `ordinal` counts working days from the start of the materialized span up to and
-- including the day, so the due date N working days after D is the working day whose ordinal is
-- ordinal(D) + N, and the working days left from T to a due date U is ordinal(U) - ordinal(T).
-- Outside the materialized span (see MATERIALIZED_SPAN in packages/domain) these return NULL.

-- Due date N working days after p_from (N = 0: p_from itself).
CREATE FUNCTION add_working_days(p_calendar uuid, p_from date, p_n integer) RETURNS date
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN p_n = 0 THEN p_from ELSE (
    SELECT d.day FROM calendar_days d
     WHERE d.calendar_id = p_calendar AND d.is_working
       AND d.ordinal = (SELECT s.ordinal FROM calendar_days s WHERE s.calendar_id = p_calendar AND s.day = p_from) + p_n)
  END
$$;

-- Working days d with p_today < d <= p_due (negative once p_due has passed).
CREATE FUNCTION working_days_left(p_calendar uuid, p_due date, p_today date) RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT (SELECT ordinal FROM calendar_days WHERE calendar_id = p_calendar AND day = p_due)
       - (SELECT ordinal FROM calendar_days WHERE calendar_id = p_calendar AND day = p_today)
$$;

-- Risk band of a clock: 'overdue' once the due date has passed, 'due_soon' with 10 working days or
-- fewer left (the due day itself included), otherwise 'on_track'; NULL without a due date. For
-- counts over many claims compute add_working_days(calendar, today, 10) once per calendar and
-- compare due dates with it (due_on < today: overdue; due_on <= that date: due_soon).
CREATE FUNCTION claim_risk_band(p_calendar uuid, p_due date, p_today date) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN p_due IS NULL THEN NULL
    WHEN p_due < p_today THEN 'overdue'
    WHEN p_due <= add_working_days(p_calendar, p_today, 10) THEN 'due_soon'
    ELSE 'on_track'
  END
$$;

-- One change to a calendar's rules that re-materialized it (and the calendars extending it) and
-- recomputed the due dates of the clocks counting on them. The audit event names this row.
CREATE TABLE calendar_changes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  calendar_id uuid NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('rule_added', 'rule_removed')),
  rule_key text NOT NULL,
  rule_kind text NOT NULL,
  rule_label text NOT NULL,
  rule_source text NOT NULL,
  moved_clocks integer NOT NULL,
  moved_claims integer NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX calendar_changes_calendar_idx ON calendar_changes (calendar_id, created_at);

-- Each due date a calendar change moved: the claim's timeline shows it with the change's citation.
CREATE TABLE claim_clock_moves (
  change_id uuid NOT NULL REFERENCES calendar_changes(id) ON DELETE CASCADE,
  clock_id uuid NOT NULL REFERENCES claim_clocks(id) ON DELETE CASCADE,
  claim_id uuid NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  kind text NOT NULL,
  old_due_on date,
  new_due_on date,
  PRIMARY KEY (change_id, clock_id)
);
CREATE INDEX claim_clock_moves_claim_idx ON claim_clock_moves (claim_id);

-- Recomputation scans the open clocks of the changed calendars (paused ones included).
CREATE INDEX claim_clocks_calendar_open_idx ON claim_clocks (calendar_id, due_on) WHERE state <> 'stopped';
