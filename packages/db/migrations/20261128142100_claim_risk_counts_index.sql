-- Risk-band counts per office read only this index (index-only scan): open claims by office with
-- their due date and calendar (each calendar has its own "10 working days from today").
CREATE INDEX claims_open_risk_idx ON claims (office_id, decision_due_on, calendar_id)
  WHERE status IN ('registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment',
                   'decision_drafted', 'in_review', 'late_filing_review');
