--liquibase formatted sql

--changeset inmo:0009-stale-leads
--comment: The nightly job (issue 4, ADR 0014): a broker's stale period and the flag it sets on open leads nobody worked for that long (no contact either way, no stage move). The partial index serves the lead list's stale filter in its default order and the job's walk over flagged leads stays off it.
ALTER TABLE broker_lead_configs
    ADD COLUMN stale_after_days integer NOT NULL DEFAULT 14
        CONSTRAINT broker_lead_configs_stale_after_days_check CHECK (stale_after_days BETWEEN 1 AND 365);
ALTER TABLE leads ADD COLUMN stale_since timestamptz;
CREATE INDEX leads_stale_idx ON leads (broker_id, created_at DESC, id DESC)
    WHERE stale_since IS NOT NULL AND deleted_at IS NULL;
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('lead_hot', 'lead_score_alert', 'leads_stale'));
