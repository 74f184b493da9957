--liquibase formatted sql

--changeset inmo:0005-lead-search-functions
--comment: Lead list search (PRODUCT §4, §15): a fragment of name, phone or e-mail, case and accents ignored. The same immutable expression backs the trigram index and the query. The bodies use pg_catalog functions only: index builds may run with a restricted search_path.
CREATE FUNCTION inmo_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT translate(lower(value), 'áéíóúüñàèìòùâêîôûäëïöç', 'aeiouunaeiouaeiouaeioc') $$;
CREATE FUNCTION inmo_lead_search_text(name text, phone text, email text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT translate(lower(coalesce(name, '') || ' ' || coalesce(phone, '') || ' ' || coalesce(email, '')), 'áéíóúüñàèìòùâêîôûäëïöç', 'aeiouunaeiouaeiouaeioc') $$;

--changeset inmo:0005-lead-list-indexes
--comment: Indexes for the lead list at a million leads (measured by the lead-list benchmark): live leads only, each leading with broker_id and ending with the keyset order (sort key, id).
CREATE INDEX leads_live_search_trgm_idx ON leads USING gin (inmo_lead_search_text(name, phone, email) gin_trgm_ops) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_status_stage_idx ON leads (broker_id, status, pipeline_stage, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_stage_idx ON leads (broker_id, pipeline_stage, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_score_idx ON leads (broker_id, lead_score DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_created_idx ON leads (broker_id, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX leads_live_assigned_idx ON leads (broker_id, assigned_to, created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX lead_identities_broker_id_lead_id_channel_idx ON lead_identities (broker_id, lead_id, channel);
