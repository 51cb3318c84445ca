-- Duplicate detection and person merges (docs/decisions/011-duplicate-detection.md).
--
-- The folding below is mirrored by packages/domain/src/duplicates/duplicates.rules.ts
-- (`foldName`, `documentKey`); an integration test checks both give the same keys. Change them
-- together, and add a migration that re-creates the functions (the generated columns follow).

-- unaccent() is only STABLE (its dictionary could change); pinning the dictionary makes this
-- wrapper safe to use in generated columns and indexes.
CREATE FUNCTION refugio_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;

-- A name folded for matching: lower case, no accents, letters only, then conservative
-- spelling folds seen in this population (ph→f, ou→u, ll→y, y→i, v→b, z→s, c before e/i→s,
-- silent h dropped except in ch/sh, doubled letters single), then a few name-variant classes
-- (Mohamed/Mohammed/Muhammad…, Yusuf/Youssef…, Ahmed/Ahmad).
CREATE FUNCTION refugio_name_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT regexp_replace(regexp_replace(regexp_replace(
         regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
         regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
           btrim(regexp_replace(lower(refugio_unaccent(coalesce(value, ''))), '[^a-z]+', ' ', 'g')),
           'ph', 'f', 'g'),
           'ou', 'u', 'g'),
           'll', 'y', 'g'),
           'y', 'i', 'g'),
           'v', 'b', 'g'),
           'z', 's', 'g'),
           'c([ei])', 's\1', 'g'),
           '([cs])h', '\1#', 'g'),
           'h', '', 'g'),
           '#', 'h', 'g'),
           '([a-z])\1+', '\1', 'g'),
           '\m(moamed|moamad|muamed|mamed)\M', 'muamad', 'g'),
           '\m(iusef|iusif|iosef)\M', 'iusuf', 'g'),
           '\mamed\M', 'amad', 'g')
  $$;

-- The whole name as one folded key (given names, first and second surname); pg_trgm splits it
-- into words, so the order of the surnames does not change its trigrams.
CREATE FUNCTION refugio_person_name_key(given_names text, first_surname text, second_surname text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT refugio_name_fold(concat_ws(' ', given_names, first_surname, second_surname)) $$;

-- Document numbers as compared: letters and digits only, upper case; numbers shorter than 4
-- characters are ignored (placeholders such as "0" or "NA").
CREATE FUNCTION refugio_document_keys(documents jsonb) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}')
    FROM (SELECT upper(regexp_replace(refugio_unaccent(d ->> 'number'), '[^A-Za-z0-9]+', '', 'g')) AS k
            FROM jsonb_array_elements(CASE WHEN jsonb_typeof(documents) = 'array' THEN documents ELSE '[]'::jsonb END) d
           WHERE jsonb_typeof(d) = 'object') keys
   WHERE length(k) >= 4
  $$;

ALTER TABLE persons
  ADD COLUMN name_key text GENERATED ALWAYS AS (refugio_person_name_key(given_names, first_surname, second_surname)) STORED,
  ADD COLUMN document_keys text[] GENERATED ALWAYS AS (refugio_document_keys(documents)) STORED;

-- Candidate generation (findDuplicateCandidates) reads only these indexes: trigram similarity on
-- the folded name, equal document numbers, birth dates near the candidate's.
CREATE INDEX persons_name_key_trgm_idx ON persons USING gin (name_key gin_trgm_ops);
CREATE INDEX persons_document_keys_idx ON persons USING gin (document_keys);
CREATE INDEX persons_birth_date_idx ON persons (birth_date);
CREATE INDEX persons_merged_into_idx ON persons (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- A pair a clerk declared "not the same person": never proposed again. Stored in uuid order.
CREATE TABLE person_non_duplicates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  person_a_id uuid NOT NULL REFERENCES persons(id),
  person_b_id uuid NOT NULL REFERENCES persons(id),
  reason text,
  recorded_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (person_a_id < person_b_id),
  UNIQUE (person_a_id, person_b_id)
);
CREATE INDEX person_non_duplicates_b_idx ON person_non_duplicates (person_b_id);

-- A supervisor's merge of `merged_id` into `survivor_id`. `snapshot` holds what undo needs: the
-- merged person as it was and, per referencing table, the keys of the rows that were moved.
CREATE TABLE person_merges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  operation_id smallint NOT NULL DEFAULT 1 REFERENCES operations(id),
  survivor_id uuid NOT NULL REFERENCES persons(id),
  merged_id uuid NOT NULL REFERENCES persons(id),
  reason text NOT NULL,
  merged_by uuid REFERENCES users(id),
  merged_at timestamptz NOT NULL DEFAULT now(),
  snapshot jsonb NOT NULL,
  undone_at timestamptz,
  undone_by uuid REFERENCES users(id),
  undo_reason text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (survivor_id <> merged_id)
);
CREATE UNIQUE INDEX person_merges_active_idx ON person_merges (merged_id) WHERE undone_at IS NULL;
CREATE INDEX person_merges_survivor_idx ON person_merges (survivor_id);
CREATE INDEX person_merges_recent_idx ON person_merges (operation_id, merged_at DESC);
