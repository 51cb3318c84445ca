-- Duplicate-detection keys of persons computed once per row (docs/decisions/055-bulk-load-and-person-keys.md).
--
-- The four keys (ADR 011) were stored generated columns, each calling its own SQL function: the
-- folded name was computed three times per row and the sorted-words and surname-year keys ran
-- a subquery through the SQL-function executor (~90 µs of one core per person, most of a bulk
-- load's time). They become plain columns kept by one BEFORE trigger that folds the given names
-- and the surnames once and derives every key from them. The trigger overwrites whatever an
-- INSERT or UPDATE puts in them, so they stay derived from the name, birth date and documents as
-- before (a restore writing old values gets them recomputed; `UPDATE persons SET name_key = NULL`
-- recomputes every key, which a migration changing the fold must do). Values are unchanged: the folding
-- is word by word, so fold(given || ' ' || surnames) = fold(given) || ' ' || fold(surnames).

-- The same folding as before, in PL/pgSQL: plain replace()/translate() for the literal rules
-- (ph→f, ou→u, ll→y, then y→i, v→b, z→s; c before e/i → s; silent h outside ch/sh), and the
-- name-variant expressions only for words that can match them. Equal results: none of the literal
-- rules' outputs is an input of a later rule of the same step, the order of the steps is kept,
-- and every variant contains "med", "mad" or one of the three Yusuf spellings.
CREATE OR REPLACE FUNCTION refugio_name_fold(value text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
DECLARE
  s text;
BEGIN
  s := btrim(regexp_replace(lower(refugio_unaccent(coalesce(value, ''))), '[^a-z]+', ' ', 'g'));
  s := translate(replace(replace(replace(s, 'ph', 'f'), 'ou', 'u'), 'll', 'y'), 'yvz', 'ibs');
  s := translate(replace(replace(replace(replace(s, 'ce', 'se'), 'ci', 'si'), 'ch', 'c#'), 'sh', 's#'), '#h', 'h');
  s := regexp_replace(s, '([a-z])\1+', '\1', 'g');
  IF strpos(s, 'med') > 0 OR strpos(s, 'mad') > 0 THEN
    s := regexp_replace(regexp_replace(s, '\m(moamed|moamad|muamed|mamed)\M', 'muamad', 'g'), '\mamed\M', 'amad', 'g');
  END IF;
  IF strpos(s, 'iusef') > 0 OR strpos(s, 'iusif') > 0 OR strpos(s, 'iosef') > 0 THEN
    s := regexp_replace(s, '\m(iusef|iusif|iosef)\M', 'iusuf', 'g');
  END IF;
  RETURN s;
END
$$;

ALTER TABLE persons ALTER COLUMN name_key DROP EXPRESSION;
ALTER TABLE persons ALTER COLUMN document_keys DROP EXPRESSION;
ALTER TABLE persons ALTER COLUMN name_sort_key DROP EXPRESSION;
ALTER TABLE persons ALTER COLUMN surname_year_keys DROP EXPRESSION;

-- name_key = refugio_person_name_key(), name_sort_key = refugio_name_sort_key(),
-- surname_year_keys = refugio_surname_year_keys(), document_keys = refugio_document_keys(): the
-- functions stay (the duplicate check folds the person looked for with them) and an integration
-- test checks that the stored keys equal them.
-- A short array sorted in the database's collation (what array_agg(… ORDER BY k) gives).
CREATE FUNCTION refugio_sorted_text_array(items text[]) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
DECLARE
  tmp text;
  i int;
  j int;
BEGIN
  FOR i IN 2..coalesce(array_length(items, 1), 0) LOOP
    tmp := items[i];
    j := i - 1;
    WHILE j >= 1 AND items[j] > tmp LOOP
      items[j + 1] := items[j];
      j := j - 1;
    END LOOP;
    items[j + 1] := tmp;
  END LOOP;
  RETURN items;
END
$$;

CREATE FUNCTION refugio_person_keys() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  given text;
  surnames text;
  words text[];
  w text;
  tmp text;
  d jsonb;
  i int;
  j int;
  n int;
  yr text;
  keys text[];
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.given_names IS NOT DISTINCT FROM OLD.given_names
     AND NEW.first_surname IS NOT DISTINCT FROM OLD.first_surname
     AND NEW.second_surname IS NOT DISTINCT FROM OLD.second_surname
     AND NEW.birth_date IS NOT DISTINCT FROM OLD.birth_date
     AND NEW.birth_date_estimated IS NOT DISTINCT FROM OLD.birth_date_estimated
     AND NEW.documents IS NOT DISTINCT FROM OLD.documents
     AND NEW.name_key IS NOT DISTINCT FROM OLD.name_key
     AND NEW.name_sort_key IS NOT DISTINCT FROM OLD.name_sort_key
     AND NEW.surname_year_keys IS NOT DISTINCT FROM OLD.surname_year_keys
     AND NEW.document_keys IS NOT DISTINCT FROM OLD.document_keys THEN
    -- Nothing the keys derive from changed, and nobody wrote a key: keep them.
    RETURN NEW;
  END IF;
  -- Statements below are simple expressions and loops (no query per row): a name has a handful
  -- of words, so the sorts are insertion sorts.
  given := refugio_name_fold(NEW.given_names);
  surnames := refugio_name_fold(concat_ws(' ', NEW.first_surname, NEW.second_surname));
  NEW.name_key := btrim(given || ' ' || surnames);

  -- refugio_name_sort_key(): the words in "C" order.
  words := CASE WHEN NEW.name_key = '' THEN '{}'::text[] ELSE string_to_array(NEW.name_key, ' ') END;
  n := coalesce(array_length(words, 1), 0);
  FOR i IN 2..n LOOP
    tmp := words[i];
    j := i - 1;
    WHILE j >= 1 AND words[j] COLLATE "C" > tmp COLLATE "C" LOOP
      words[j + 1] := words[j];
      j := j - 1;
    END LOOP;
    words[j + 1] := tmp;
  END LOOP;
  NEW.name_sort_key := array_to_string(words, ' ');

  -- refugio_surname_year_keys(): distinct, sorted.
  keys := '{}';
  IF NEW.birth_date IS NOT NULL THEN
    yr := extract(year FROM NEW.birth_date)::int::text;
    tmp := CASE WHEN coalesce(NEW.first_surname, '') || coalesce(NEW.second_surname, '') ~ '[[:alpha:]]' THEN surnames ELSE given END;
    IF tmp <> '' THEN
      FOREACH w IN ARRAY string_to_array(tmp, ' ') LOOP
        IF NEW.birth_date_estimated AND NOT ('e' || yr || ':' || w) = ANY(keys) THEN keys := keys || ('e' || yr || ':' || w); END IF;
        IF NOT ('y' || yr || ':' || w) = ANY(keys) THEN keys := keys || ('y' || yr || ':' || w); END IF;
      END LOOP;
    END IF;
  END IF;
  NEW.surname_year_keys := refugio_sorted_text_array(keys);

  -- refugio_document_keys(): letters and digits, upper case, at least 4, distinct, sorted.
  keys := '{}';
  IF jsonb_typeof(NEW.documents) = 'array' AND jsonb_array_length(NEW.documents) > 0 THEN
    FOR d IN SELECT jsonb_array_elements(NEW.documents) LOOP
      IF jsonb_typeof(d) = 'object' THEN
        tmp := upper(regexp_replace(refugio_unaccent(d ->> 'number'), '[^A-Za-z0-9]+', '', 'g'));
        IF length(tmp) >= 4 AND NOT tmp = ANY(keys) THEN keys := keys || tmp; END IF;
      END IF;
    END LOOP;
  END IF;
  NEW.document_keys := refugio_sorted_text_array(keys);
  RETURN NEW;
END
$$;

CREATE TRIGGER persons_keys BEFORE INSERT OR UPDATE ON persons FOR EACH ROW EXECUTE FUNCTION refugio_person_keys();
