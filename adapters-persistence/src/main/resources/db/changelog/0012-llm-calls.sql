--liquibase formatted sql

--changeset inmo:0012-llm-calls
--comment: Issue 7, ADR 0018: one row per call to a language-model provider (broker, lead, provider, model, purpose, attempt, tokens, latency, outcome); no prompt or answer text. Costs are estimated from these rows with a price table.
CREATE TABLE llm_calls (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    broker_id   uuid        NOT NULL REFERENCES brokers (id),
    lead_id     uuid,
    provider    text        NOT NULL CHECK (length(provider) BETWEEN 1 AND 40),
    model       text        NOT NULL CHECK (length(model) BETWEEN 1 AND 200),
    purpose     text        NOT NULL CHECK (length(purpose) BETWEEN 1 AND 60),
    attempt     integer     NOT NULL CHECK (attempt BETWEEN 1 AND 10),
    tokens_in   integer     CHECK (tokens_in >= 0),
    tokens_out  integer     CHECK (tokens_out >= 0),
    latency_ms  integer     NOT NULL CHECK (latency_ms >= 0),
    outcome     text        NOT NULL CHECK (length(outcome) BETWEEN 1 AND 40),
    created_at  timestamptz NOT NULL
);
CREATE INDEX llm_calls_broker_id_created_at_idx ON llm_calls (broker_id, created_at);
