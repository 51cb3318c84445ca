-- An operation is a tenant: one country or programme. Every case-data table carries its id so
-- a move to a distributed PostgreSQL (Citus, distributed by operation) needs no rewrite.
CREATE TABLE operations (
  id smallint PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO operations (id, code, name) VALUES (1, 'mx', 'México');

CREATE TABLE institutions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('asylum_authority', 'migration_authority', 'observer', 'ngo', 'other')),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (operation_id, code)
);

CREATE TABLE offices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  institution_id uuid NOT NULL REFERENCES institutions(id),
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('central', 'regional', 'border_post', 'detention_centre', 'liaison', 'other')),
  -- ISO 3166-2 subdivision codes, e.g. MX-CHP (Chiapas)
  state_code text NOT NULL,
  municipality text,
  served_state_codes text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (operation_id, code)
);
CREATE INDEX offices_institution_idx ON offices (institution_id);
