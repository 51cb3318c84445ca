-- Blocking keys for the duplicate check at national scale (docs/BENCHMARKS.md, "Intake"):
-- a trigram scan of the whole folded-name index reads the long posting lists of common trigrams
-- ("jose", "hernandez") and costs hundreds of milliseconds at 500,000 persons. Candidates are
-- therefore fetched through selective keys, and the whole-name trigram scan is kept for queries
-- without a birth date (and for persons without one, through a small partial index).

-- The folded name's words in a fixed order: equal for accents dropped, surnames swapped or
-- split differently, and the spelling variants of refugio_name_fold, whatever the birth date.
CREATE FUNCTION refugio_name_sort_key(given_names text, first_surname text, second_surname text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT array_to_string(ARRAY(
    SELECT w FROM unnest(string_to_array(refugio_person_name_key(given_names, first_surname, second_surname), ' ')) w
     WHERE w <> '' ORDER BY w COLLATE "C"), ' ')
  $$;

-- Year of birth with each folded surname word (the given names when there is no surname):
-- 'y1990:ernandes' for everyone with a birth date, plus 'e1990:ernandes' when it is estimated.
-- A query with an exact date looks up the 'e' keys of the neighbouring years (persons whose date
-- was estimated); a query with an estimated date looks up the 'y' keys.
CREATE FUNCTION refugio_surname_year_keys(given_names text, first_surname text, second_surname text, birth_date date,
                                          estimated boolean) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
  SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}') FROM (
    SELECT p || extract(year FROM birth_date)::int || ':' || w AS k
      FROM unnest(string_to_array(refugio_name_fold(
             CASE WHEN coalesce(first_surname, '') || coalesce(second_surname, '') ~ '[[:alpha:]]'
                  THEN concat_ws(' ', first_surname, second_surname) ELSE given_names END), ' ')) w,
           unnest(CASE WHEN estimated THEN ARRAY['y', 'e'] ELSE ARRAY['y'] END) p
     WHERE w <> '' AND birth_date IS NOT NULL) keys
  $$;

ALTER TABLE persons
  ADD COLUMN name_sort_key text GENERATED ALWAYS AS (refugio_name_sort_key(given_names, first_surname, second_surname)) STORED,
  ADD COLUMN surname_year_keys text[] GENERATED ALWAYS AS (
    refugio_surname_year_keys(given_names, first_surname, second_surname, birth_date, birth_date_estimated)) STORED;

CREATE INDEX persons_name_sort_key_idx ON persons (name_sort_key);
CREATE INDEX persons_surname_year_keys_idx ON persons USING gin (surname_year_keys);
CREATE INDEX persons_name_key_no_dob_trgm_idx ON persons USING gin (name_key gin_trgm_ops) WHERE birth_date IS NULL;
