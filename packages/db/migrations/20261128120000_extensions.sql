-- Extensions used for name matching (duplicates, search). Hand-written: both PGlite and
-- PostgreSQL ship them as contrib modules.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
