--liquibase formatted sql

--changeset inmo:0008-lead-budget-columns
--comment: Pipeline metrics at a million leads (issue 4): the budget kept as plain columns derived from the facts, and one covering index, so the per-stage figures of a broker are read from the index alone. Without it every lead of the broker cost a heap page and a JSONB parse (65 ms for 10,000 leads measured).
ALTER TABLE leads
    ADD COLUMN budget_currency text GENERATED ALWAYS AS (lead_metadata -> 'budget' -> 'value' ->> 'currency') STORED,
    ADD COLUMN budget_amount numeric GENERATED ALWAYS AS ((lead_metadata -> 'budget' -> 'value' ->> 'amount')::numeric) STORED;
CREATE INDEX leads_live_pipeline_idx ON leads (broker_id, pipeline_stage, closed_from_stage, stage_entered_at)
    INCLUDE (assigned_to, budget_currency, budget_amount) WHERE deleted_at IS NULL;
