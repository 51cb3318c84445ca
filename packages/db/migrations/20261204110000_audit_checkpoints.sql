-- An audit trail that survives a rewrite (ADR 022).
--
-- hash_version: rows written from now on are sealed with version 2, whose hash covers every
-- column (operation_id and the microseconds of occurred_at included) and the version itself.
-- Rows already written keep version 1: rehashing them here would be the very rewrite the chain
-- exists to expose. Adding a column with a constant default rewrites no row and fires no trigger.
ALTER TABLE audit_events ADD COLUMN hash_version smallint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));
-- Every insert names its version from now on.
ALTER TABLE audit_events ALTER COLUMN hash_version DROP DEFAULT;

-- Signed checkpoints: (seq, hash) of a sealed event, signed with an Ed25519 key kept outside the
-- database. A rewrite of any event up to seq, even with every later hash recomputed, no longer
-- matches; removing events after seq leaves a checkpoint beyond the tail. The public key is kept
-- for reference only: verify trusts the keys it is given, never this column.
CREATE TABLE audit_checkpoints (
  seq bigint PRIMARY KEY,
  hash text NOT NULL,
  signed_at timestamptz NOT NULL,
  key_id text NOT NULL,
  public_key text NOT NULL,
  signature text NOT NULL
);

CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_checkpoints is append-only';
END
$$;
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_append_only();
