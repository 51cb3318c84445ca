-- Stored responses are kept one day (retries come within minutes); some carry a one-time password.
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
