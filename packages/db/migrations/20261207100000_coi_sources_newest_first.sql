-- A library search reads its matches newest first and stops at the ranked cap
-- (docs/decisions/056-coi-search-ranks-the-newest-matches.md): the order needs a tie-break that
-- an index serves, since many sources share a date of publication.
DROP INDEX coi_sources_published_idx;
CREATE INDEX coi_sources_published_idx ON coi_sources (published_on DESC, id);
