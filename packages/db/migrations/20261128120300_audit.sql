-- Append-only, hash-chained trail. Each row's hash covers its content and the previous hash,
-- so `refugio audit verify` finds any altered, removed or reordered row.
CREATE TABLE audit_events (
  seq bigint PRIMARY KEY,
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_username text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  office_id uuid,
  ip text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at DESC);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, seq DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, seq DESC);
CREATE INDEX audit_events_action_idx ON audit_events (action, seq DESC);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
