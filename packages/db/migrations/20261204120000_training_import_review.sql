-- Imports as the tools export them (ADR 023): a file whose only problem is rows that match nobody
-- enrolled (guests, people under another name) is held for review instead of refused. The
-- coordinator matches each such identity to a participant or ignores it; the file is then
-- applied. `accepted` stays the flag the "accepted once per file" index reads.
ALTER TABLE training_imports ADD COLUMN status text NOT NULL DEFAULT 'rejected'
  CHECK (status IN ('accepted', 'rejected', 'needs_review'));
UPDATE training_imports SET status = 'accepted' WHERE accepted;
ALTER TABLE training_imports ALTER COLUMN status DROP DEFAULT;
-- [{ key, name, email, lines, reason, suggestion, minutes, completedOn }] while held for review.
ALTER TABLE training_imports ADD COLUMN unmatched jsonb NOT NULL DEFAULT '[]';
-- The coordinator's decisions, kept with the file once applied: [{ key, enrolmentId | null }].
ALTER TABLE training_imports ADD COLUMN resolutions jsonb;
ALTER TABLE training_imports ADD CONSTRAINT training_imports_status_accepted CHECK (accepted = (status = 'accepted'));
