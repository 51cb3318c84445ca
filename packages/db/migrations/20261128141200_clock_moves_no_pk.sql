-- The clock-move log is append-only and read by claim (claim_clock_moves_claim_idx); its primary
-- key was a second random-uuid index written 100,000 times by one suspension and never read.
ALTER TABLE claim_clock_moves DROP CONSTRAINT claim_clock_moves_pkey;
