-- The duplicate check without a birth date (docs/decisions/057-duplicate-check-without-birth-date.md)
-- scans the whole folded-name index only at the least similarity a candidate can be shown with.
-- A candidate can also be shown through one of its other names or aliases, whatever its main
-- name's similarity: those persons (few) keep the scan at the usual threshold through this index.
CREATE INDEX persons_name_key_aliases_trgm_idx ON persons USING gin (name_key gin_trgm_ops) WHERE other_names <> '{}';
