-- A closed file may be reopened by a supervisor with a written reason (ADR 050). It returns to the
-- status it was closed from, so that status is kept on the claim when the file closes: the last
-- status outside the closed-file statuses (closed, abandoned, withdrawn, transferred). A file
-- abandoned and then closed returns to where it stood before it was abandoned.
ALTER TABLE claims ADD COLUMN closed_from_status text CHECK (closed_from_status IS NULL OR closed_from_status IN (
  'registered', 'admitted', 'interview_scheduled', 'interviewed', 'under_assessment', 'decision_drafted', 'in_review',
  'approved', 'decided', 'notified', 'appealed', 'late_filing_review'));

-- Files closed before this migration: the timeline says from where (the latest entry into a
-- closed-file status from any other status).
UPDATE claims c SET closed_from_status = e.from_status
  FROM (SELECT DISTINCT ON (claim_id) claim_id, from_status FROM claim_events
         WHERE kind = 'status_changed' AND to_status IN ('closed', 'abandoned', 'withdrawn', 'transferred')
           AND from_status NOT IN ('closed', 'abandoned', 'withdrawn', 'transferred')
         ORDER BY claim_id, occurred_at DESC, id DESC) e
 WHERE e.claim_id = c.id AND c.status IN ('closed', 'abandoned', 'withdrawn', 'transferred');
