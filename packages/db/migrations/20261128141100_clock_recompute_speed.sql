-- A calendar change rewrites the due dates of up to hundreds of thousands of clocks at once
-- (docs/decisions/009-materialized-working-day-calendars.md). Make those rewrites cheap:
--
-- * claim_clocks keeps no index on due_on, and room on each page (fillfactor 80), so a due-date
--   rewrite is a HOT update that touches no index. Queues sort on claims.decision_due_on instead.
--   The recomputation finds its clocks through the index below (started_on never changes).
-- * claim_clock_moves is an append-only log: no foreign keys to check per row (claims and clocks
--   are never deleted; the change row is written first in the same transaction).
DROP INDEX claim_clocks_calendar_running_idx;
DROP INDEX claim_clocks_calendar_open_idx;
ALTER TABLE claim_clocks SET (fillfactor = 80);
CREATE INDEX claim_clocks_recompute_idx ON claim_clocks (calendar_id, started_on)
  WHERE working_days IS NOT NULL AND (state <> 'stopped' OR kind = 'filing_limit');

ALTER TABLE claim_clock_moves DROP CONSTRAINT claim_clock_moves_clock_id_fkey;
ALTER TABLE claim_clock_moves DROP CONSTRAINT claim_clock_moves_claim_id_fkey;
ALTER TABLE claim_clock_moves DROP CONSTRAINT claim_clock_moves_change_id_fkey;
