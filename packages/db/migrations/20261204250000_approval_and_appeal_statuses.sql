-- Approval and appeal become statuses of their own (ADR 019): a reviewed draft is approved, then
-- signed (decided) by the authority's signatory; a notified negative decision may be appealed
-- (recurso de revisión, LRPCPAP art. 25) and the appeal resolved or the claim sent back.
ALTER TABLE claims DROP CONSTRAINT claims_status_check;
ALTER TABLE claims ADD CONSTRAINT claims_status_check CHECK (status IN (
  'registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment', 'decision_drafted',
  'in_review', 'approved', 'decided', 'notified', 'appealed', 'closed',
  'late_filing_review', 'abandoned', 'withdrawn', 'transferred'));

-- An approved draft awaiting signature is still open: its decision clock runs. The partial
-- indexes list OPEN_STATUSES (procedure.rules.ts); a test compares them.
DROP INDEX claims_queue_open_office_idx;
DROP INDEX claims_queue_open_officer_idx;
DROP INDEX claims_queue_open_all_idx;
DROP INDEX claims_open_risk_idx;
CREATE INDEX claims_queue_open_office_idx ON claims (office_id, (COALESCE(decision_due_on, 'infinity'::date)), id)
  WHERE status IN ('registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment',
                   'decision_drafted', 'in_review', 'approved', 'late_filing_review');
CREATE INDEX claims_queue_open_officer_idx ON claims (assigned_officer_id, (COALESCE(decision_due_on, 'infinity'::date)), id)
  WHERE status IN ('registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment',
                   'decision_drafted', 'in_review', 'approved', 'late_filing_review');
CREATE INDEX claims_queue_open_all_idx ON claims ((COALESCE(decision_due_on, 'infinity'::date)), id)
  WHERE status IN ('registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment',
                   'decision_drafted', 'in_review', 'approved', 'late_filing_review');
CREATE INDEX claims_open_risk_idx ON claims (office_id, decision_due_on, calendar_id)
  WHERE status IN ('registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment',
                   'decision_drafted', 'in_review', 'approved', 'late_filing_review');
