--liquibase formatted sql

--changeset inmo:0014-broker-llm-configs
--comment: Issue 7, ADR 0018: a broker's own language-model chain (overrides the server's INMO_LLM_*; keys encrypted like other credentials) and its monthly budget in USD. No row = the server's chain and no budget. llm_budget_months records, once per broker, month and budget amount, that the budget was reached: the node that inserts the row notifies the broker's admins.
CREATE TABLE broker_llm_configs (
    id                   uuid          NOT NULL,
    broker_id            uuid          NOT NULL,
    provider             text,
    model                text,
    base_url             text,
    fallbacks            jsonb         NOT NULL DEFAULT '[]',
    provider_credentials jsonb,
    monthly_budget_usd   numeric(12,2),
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now(),
    version              bigint        NOT NULL DEFAULT 0,
    CONSTRAINT broker_llm_configs_pkey PRIMARY KEY (id),
    CONSTRAINT broker_llm_configs_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT broker_llm_configs_broker_id_key UNIQUE (broker_id),
    CONSTRAINT broker_llm_configs_broker_id_id_key UNIQUE (broker_id, id),
    -- null provider = the server's chain
    CONSTRAINT broker_llm_configs_provider_check
        CHECK (provider IN ('offline', 'openai', 'openai_compatible', 'anthropic', 'gemini', 'ollama')),
    CONSTRAINT broker_llm_configs_model_check CHECK (length(model) BETWEEN 1 AND 200),
    CONSTRAINT broker_llm_configs_base_url_check CHECK (length(base_url) BETWEEN 1 AND 500),
    CONSTRAINT broker_llm_configs_fallbacks_check CHECK (jsonb_typeof(fallbacks) = 'array'),
    CONSTRAINT broker_llm_configs_monthly_budget_usd_check CHECK (monthly_budget_usd > 0)
);
CREATE TRIGGER broker_llm_configs_live AFTER INSERT OR UPDATE ON broker_llm_configs
    FOR EACH ROW EXECUTE FUNCTION inmo_live_broker_config();

CREATE TABLE llm_budget_months (
    broker_id   uuid          NOT NULL REFERENCES brokers (id),
    month       date          NOT NULL CHECK (extract(day FROM month) = 1),
    budget_usd  numeric(12,2) NOT NULL CHECK (budget_usd > 0),
    spent_usd   numeric(16,6) NOT NULL CHECK (spent_usd >= 0),
    reached_at  timestamptz   NOT NULL,
    PRIMARY KEY (broker_id, month, budget_usd)
);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('lead_hot', 'lead_score_alert', 'leads_stale', 'conversation_escalated', 'llm_budget_reached'));
