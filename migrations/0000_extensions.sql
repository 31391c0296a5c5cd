-- Trigram matching for people's and communities' names.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- array_to_string is only STABLE, so a generated column cannot call it; this wrapper is safe to
-- mark IMMUTABLE because text[] output never depends on settings.
CREATE OR REPLACE FUNCTION convene_text_array_to_string(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;
