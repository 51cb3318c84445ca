-- Training records and certificates (ADR 016).
-- An imported file is kept with its verdict, so a rejected one can be shown again and an
-- accepted one is never applied twice (same session, kind and content).
ALTER TABLE training_imports ADD COLUMN content text NOT NULL DEFAULT '';
CREATE UNIQUE INDEX training_imports_accepted_once ON training_imports (session_id, kind, sha256) WHERE accepted;

-- Who revoked a certificate; and whether it was revoked because a corrected record made the
-- enrolment incomplete (then it is issued again, with a new code, once it is complete again).
ALTER TABLE training_certificates
  ADD COLUMN revoked_by uuid REFERENCES users(id),
  ADD COLUMN revoked_automatically boolean NOT NULL DEFAULT false;
CREATE INDEX training_certificates_module_idx ON training_certificates (module_id);
