--liquibase formatted sql

--changeset inmo:0005-lead-search-functions
--comment: Lead list search (PRODUCT §4, §15): a fragment of name, phone or e-mail, case and accents ignored. The same immutable expression fills the stored search_text column; the query folds the fragment with inmo_fold. The bodies use pg_catalog functions only: index builds may run with a restricted search_path.
CREATE FUNCTION inmo_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT translate(lower(value), 'áéíóúüñàèìòùâêîôûäëïöç', 'aeiouunaeiouaeiouaeioc') $$;
CREATE FUNCTION inmo_lead_search_text(name text, phone text, email text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT translate(lower(coalesce(name, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(email, '')), 'áéíóúüñàèìòùâêîôûäëïöç', 'aeiouunaeiouaeiouaeioc') $$;

--changeset inmo:0005-lead-search-text
--comment: The folded search text kept with the row (computed once per write, not per row scanned), and a GIN index on (broker_id, trigrams) so that a fragment is looked up inside one broker: a cross-broker trigram index made a common surname ("rojas", 45,000 leads of 1,000,000) cost a 45,000-entry bitmap for a 440-row answer. The big histogram lets the planner tell a common fragment (walk the newest leads and stop at a page) from a rare one (the index).
CREATE EXTENSION IF NOT EXISTS btree_gin;
ALTER TABLE leads ADD COLUMN search_text text GENERATED ALWAYS AS (inmo_lead_search_text(name, phone, email)) STORED;
ALTER TABLE leads ALTER COLUMN search_text SET STATISTICS 1000;
CREATE INDEX leads_live_search_idx ON leads USING gin (broker_id, search_text gin_trgm_ops) WHERE deleted_at IS NULL;

--changeset inmo:0005-lead-list-indexes
--comment: Indexes for the lead list at a million leads (measured by the lead-list benchmark): live leads only, each leading with broker_id and ending with the keyset order (sort key, id).
CREATE INDEX leads_live_status_stage_idx ON leads (broker_id, status, pipeline_stage, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_stage_idx ON leads (broker_id, pipeline_stage, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_score_idx ON leads (broker_id, lead_score DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_created_idx ON leads (broker_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_assigned_idx ON leads (broker_id, assigned_to, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX lead_identities_broker_id_lead_id_channel_idx ON lead_identities (broker_id, lead_id, channel);

