--liquibase formatted sql

--changeset inmo:0007-lead-rescoring-runs
--comment: Background rescoring of a broker's leads after its scoring settings change (issue 4): one row per request, worked in batches in lead-id order (last_lead_id makes it resumable), claimed with FOR UPDATE SKIP LOCKED so one node works a run at a time.
CREATE TABLE lead_rescoring_runs (
    id            uuid PRIMARY KEY,
    broker_id     uuid NOT NULL REFERENCES brokers (id),
    status        text NOT NULL CHECK (status IN ('pending', 'running', 'done', 'superseded', 'failed')),
    requested_by  uuid REFERENCES users (id),
    total         bigint,
    processed     bigint NOT NULL DEFAULT 0 CHECK (processed >= 0),
    changed       bigint NOT NULL DEFAULT 0 CHECK (changed >= 0),
    last_lead_id  uuid,
    created_at    timestamptz NOT NULL,
    started_at    timestamptz,
    finished_at   timestamptz
);
CREATE INDEX lead_rescoring_runs_broker_idx ON lead_rescoring_runs (broker_id, created_at DESC, id DESC);
CREATE INDEX lead_rescoring_runs_open_idx ON lead_rescoring_runs (created_at, id) WHERE status IN ('pending', 'running');
