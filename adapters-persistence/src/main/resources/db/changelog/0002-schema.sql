--liquibase formatted sql

-- The Inmo schema, one changeset per table, exactly as docs/data-model.md describes it.
-- Conventions: uuid ids assigned by the domain, timestamptz times, jsonb JSON, enums as text with a
-- CHECK of the lower-snake API values, every tenant row carries broker_id and tenant-scoped
-- indexes lead with it. Constraints are named explicitly (<table>_<columns>_key|check|fkey|excl)
-- because repositories map the violated constraint's name to a domain exception.

--changeset inmo:0002-brokers
CREATE TABLE brokers (
    id             uuid        NOT NULL,
    name           text        NOT NULL,
    slug           text        NOT NULL,
    phone          text,
    email          text,
    timezone       text        NOT NULL DEFAULT 'America/Santiago',
    business_hours jsonb       NOT NULL,
    is_active      boolean     NOT NULL DEFAULT true,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT brokers_pkey PRIMARY KEY (id),
    CONSTRAINT brokers_slug_key UNIQUE (slug),
    CONSTRAINT brokers_slug_check CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 63)
);

--changeset inmo:0002-users
CREATE TABLE users (
    id              uuid        NOT NULL,
    email           text        NOT NULL,
    hashed_password text        NOT NULL,
    name            text        NOT NULL,
    role            text        NOT NULL,
    broker_id       uuid,
    is_active       boolean     NOT NULL DEFAULT true,
    last_login_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT users_role_check CHECK (role IN ('SUPERADMIN', 'ADMIN', 'AGENT')),
    -- a superadmin belongs to no broker, everybody else belongs to exactly one
    CONSTRAINT users_role_broker_id_check CHECK ((role = 'SUPERADMIN') = (broker_id IS NULL))
);
-- e-mail is the login name, unique across the platform regardless of case
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_broker_id_idx ON users (broker_id);

--changeset inmo:0002-refresh-tokens
CREATE TABLE refresh_tokens (
    id          uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    token_hash  text        NOT NULL,
    family_id   uuid        NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    replaced_by uuid,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_ip  text,
    CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id),
    CONSTRAINT refresh_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);

--changeset inmo:0002-broker-prompt-configs
CREATE TABLE broker_prompt_configs (
    id                         uuid        NOT NULL,
    broker_id                  uuid        NOT NULL,
    agent_name                 text        NOT NULL DEFAULT 'Sofía',
    identity_prompt            text,
    business_context           text,
    agent_rules                text,
    language                   text        NOT NULL DEFAULT 'es-CL',
    enable_appointment_booking boolean     NOT NULL DEFAULT true,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    version                    bigint      NOT NULL DEFAULT 0,
    CONSTRAINT broker_prompt_configs_pkey PRIMARY KEY (id),
    CONSTRAINT broker_prompt_configs_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT broker_prompt_configs_broker_id_key UNIQUE (broker_id)
);

--changeset inmo:0002-broker-lead-configs
CREATE TABLE broker_lead_configs (
    id                       uuid        NOT NULL,
    broker_id                uuid        NOT NULL,
    field_weights            jsonb       NOT NULL,
    cold_max_score           integer     NOT NULL DEFAULT 30,
    warm_max_score           integer     NOT NULL DEFAULT 69,
    hot_min_score            integer     NOT NULL DEFAULT 70,
    field_priority           jsonb       NOT NULL,
    required_profile_fields  jsonb       NOT NULL,
    qualified_income         bigint      NOT NULL DEFAULT 1000000,
    potential_income         bigint      NOT NULL DEFAULT 500000,
    acceptable_debt          bigint      NOT NULL DEFAULT 0,
    auto_close_not_qualified boolean     NOT NULL DEFAULT false,
    hot_alert_score          integer,
    agents_see_unassigned    boolean     NOT NULL DEFAULT true,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    version                  bigint      NOT NULL DEFAULT 0,
    CONSTRAINT broker_lead_configs_pkey PRIMARY KEY (id),
    CONSTRAINT broker_lead_configs_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT broker_lead_configs_broker_id_key UNIQUE (broker_id),
    CONSTRAINT broker_lead_configs_thresholds_check CHECK (
        0 <= cold_max_score
        AND cold_max_score < warm_max_score
        AND warm_max_score < 100
        AND hot_min_score = warm_max_score + 1),
    -- null means "alert when the lead turns hot"
    CONSTRAINT broker_lead_configs_hot_alert_score_check CHECK (hot_alert_score BETWEEN 0 AND 100),
    CONSTRAINT broker_lead_configs_incomes_check CHECK (
        qualified_income >= 0 AND potential_income >= 0 AND acceptable_debt >= 0)
);

--changeset inmo:0002-broker-voice-configs
CREATE TABLE broker_voice_configs (
    id                   uuid        NOT NULL,
    broker_id            uuid        NOT NULL,
    provider             text,
    provider_credentials jsonb,
    phone_number_id      text,
    assistant_id_default text,
    calling_hours_start  time        NOT NULL DEFAULT '09:00',
    calling_hours_end    time        NOT NULL DEFAULT '20:00',
    max_concurrent_calls integer     NOT NULL DEFAULT 2,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              bigint      NOT NULL DEFAULT 0,
    CONSTRAINT broker_voice_configs_pkey PRIMARY KEY (id),
    CONSTRAINT broker_voice_configs_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT broker_voice_configs_broker_id_key UNIQUE (broker_id),
    -- null provider = voice not configured
    CONSTRAINT broker_voice_configs_provider_check CHECK (provider IN ('vapi', 'bland')),
    CONSTRAINT broker_voice_configs_max_concurrent_calls_check CHECK (max_concurrent_calls > 0)
);

--changeset inmo:0002-broker-chat-configs
CREATE TABLE broker_chat_configs (
    id                    uuid        NOT NULL,
    broker_id             uuid        NOT NULL,
    enabled_providers     jsonb       NOT NULL DEFAULT '["webchat"]',
    default_provider      text        NOT NULL DEFAULT 'webchat',
    provider_credentials  jsonb,
    burst_window_seconds  integer     NOT NULL DEFAULT 2,
    takeover_idle_minutes integer     NOT NULL DEFAULT 60,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    version               bigint      NOT NULL DEFAULT 0,
    CONSTRAINT broker_chat_configs_pkey PRIMARY KEY (id),
    CONSTRAINT broker_chat_configs_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT broker_chat_configs_broker_id_key UNIQUE (broker_id),
    CONSTRAINT broker_chat_configs_default_provider_check
        CHECK (default_provider IN ('telegram', 'whatsapp', 'webchat')),
    CONSTRAINT broker_chat_configs_burst_window_seconds_check CHECK (burst_window_seconds BETWEEN 0 AND 60),
    CONSTRAINT broker_chat_configs_takeover_idle_minutes_check CHECK (takeover_idle_minutes > 0)
);

--changeset inmo:0002-leads
CREATE TABLE leads (
    id                 uuid        NOT NULL,
    broker_id          uuid        NOT NULL,
    phone              text,
    name               text,
    email              text,
    status             text        NOT NULL DEFAULT 'cold',
    lead_score         integer     NOT NULL DEFAULT 0,
    score_components   jsonb       NOT NULL DEFAULT '[]',
    qualification      text,
    lead_metadata      jsonb       NOT NULL DEFAULT '{}',
    sensitive_metadata text,
    pipeline_stage     text        NOT NULL DEFAULT 'new',
    assigned_to        uuid,
    tags               text[]      NOT NULL DEFAULT '{}',
    notes              text,
    close_reason       text,
    close_detail       text,
    closed_at          timestamptz,
    closed_from_stage  text,
    opted_out_at       timestamptz,
    last_contacted_at  timestamptz,
    stage_entered_at   timestamptz NOT NULL,
    next_action_at     timestamptz,
    deleted_at         timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            bigint      NOT NULL DEFAULT 0,
    CONSTRAINT leads_pkey PRIMARY KEY (id),
    CONSTRAINT leads_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT leads_assigned_to_fkey FOREIGN KEY (assigned_to) REFERENCES users (id),
    -- E.164: '+', country code, at most 15 digits in all
    CONSTRAINT leads_phone_check CHECK (phone ~ '^\+[1-9][0-9]{1,14}$'),
    CONSTRAINT leads_status_check CHECK (status IN ('cold', 'warm', 'hot', 'converted', 'lost')),
    CONSTRAINT leads_lead_score_check CHECK (lead_score BETWEEN 0 AND 100),
    CONSTRAINT leads_qualification_check
        CHECK (qualification IN ('QUALIFIED', 'POTENTIAL', 'NOT_QUALIFIED')),
    CONSTRAINT leads_pipeline_stage_check CHECK (pipeline_stage IN
        ('new', 'profiling', 'financial_qualification', 'potential', 'scheduled', 'won', 'lost')),
    CONSTRAINT leads_closed_from_stage_check CHECK (closed_from_stage IN
        ('new', 'profiling', 'financial_qualification', 'potential', 'scheduled', 'won', 'lost'))
);
CREATE INDEX leads_broker_id_created_at_id_idx ON leads (broker_id, created_at DESC, id DESC);
CREATE INDEX leads_broker_id_pipeline_stage_idx ON leads (broker_id, pipeline_stage);
CREATE INDEX leads_broker_id_status_idx ON leads (broker_id, status);
CREATE INDEX leads_broker_id_assigned_to_idx ON leads (broker_id, assigned_to);
CREATE INDEX leads_broker_id_phone_idx ON leads (broker_id, phone);
CREATE INDEX leads_broker_id_email_idx ON leads (broker_id, lower(email));

--changeset inmo:0002-lead-identities
CREATE TABLE lead_identities (
    id         uuid        NOT NULL,
    broker_id  uuid        NOT NULL,
    lead_id    uuid        NOT NULL,
    channel    text        NOT NULL,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT lead_identities_pkey PRIMARY KEY (id),
    CONSTRAINT lead_identities_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT lead_identities_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id),
    CONSTRAINT lead_identities_channel_check
        CHECK (channel IN ('telegram', 'whatsapp', 'phone', 'email', 'webchat')),
    -- one lead per identity and broker: the same Telegram user reaching a broker twice is one lead
    CONSTRAINT lead_identities_broker_id_channel_value_key UNIQUE (broker_id, channel, value)
);
CREATE INDEX lead_identities_lead_id_idx ON lead_identities (lead_id);

--changeset inmo:0002-appointments
CREATE TABLE appointments (
    id                uuid        NOT NULL,
    broker_id         uuid        NOT NULL,
    lead_id           uuid        NOT NULL,
    agent_id          uuid,
    appointment_type  text        NOT NULL,
    status            text        NOT NULL,
    start_time        timestamptz NOT NULL,
    end_time          timestamptz NOT NULL,
    meet_url          text,
    location          text,
    notes             text,
    external_event_id text,
    cancel_reason     text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           bigint      NOT NULL DEFAULT 0,
    CONSTRAINT appointments_pkey PRIMARY KEY (id),
    CONSTRAINT appointments_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT appointments_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id),
    CONSTRAINT appointments_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES users (id),
    CONSTRAINT appointments_appointment_type_check CHECK (appointment_type IN
        ('property_visit', 'virtual_meeting', 'phone_call', 'office_meeting')),
    CONSTRAINT appointments_status_check
        CHECK (status IN ('scheduled', 'confirmed', 'cancelled', 'completed', 'no_show')),
    CONSTRAINT appointments_time_check CHECK (end_time > start_time),
    -- no double booking: an agent's live appointments never overlap (half-open ranges may touch)
    CONSTRAINT appointments_agent_id_time_excl EXCLUDE USING gist (
        agent_id WITH =,
        tstzrange(start_time, end_time, '[)') WITH &&
    ) WHERE (status IN ('scheduled', 'confirmed'))
);
CREATE INDEX appointments_broker_id_start_time_idx ON appointments (broker_id, start_time);
CREATE INDEX appointments_lead_id_idx ON appointments (lead_id);

--changeset inmo:0002-message-templates
CREATE TABLE message_templates (
    id         uuid        NOT NULL,
    broker_id  uuid        NOT NULL,
    name       text        NOT NULL,
    channel    text        NOT NULL,
    content    text        NOT NULL,
    agent_type text        NOT NULL,
    variables  jsonb       NOT NULL DEFAULT '[]',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0,
    CONSTRAINT message_templates_pkey PRIMARY KEY (id),
    CONSTRAINT message_templates_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT message_templates_channel_check CHECK (channel IN
        ('telegram', 'whatsapp', 'webchat', 'sms', 'email', 'voice', 'any')),
    CONSTRAINT message_templates_agent_type_check
        CHECK (agent_type IN ('sales', 'qualifier', 'scheduler', 'follow_up', 'general')),
    CONSTRAINT message_templates_broker_id_name_key UNIQUE (broker_id, name)
);

--changeset inmo:0002-campaigns
CREATE TABLE campaigns (
    id             uuid        NOT NULL,
    broker_id      uuid        NOT NULL,
    name           text        NOT NULL,
    description    text,
    channel        text        NOT NULL,
    status         text        NOT NULL,
    triggered_by   text        NOT NULL,
    trigger_config jsonb       NOT NULL DEFAULT '{}',
    exit_on_reply  boolean     NOT NULL DEFAULT true,
    created_by     uuid,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT campaigns_pkey PRIMARY KEY (id),
    CONSTRAINT campaigns_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT campaigns_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT campaigns_channel_check
        CHECK (channel IN ('telegram', 'whatsapp', 'webchat', 'voice', 'any')),
    CONSTRAINT campaigns_status_check
        CHECK (status IN ('draft', 'active', 'paused', 'completed', 'archived')),
    CONSTRAINT campaigns_triggered_by_check CHECK (triggered_by IN
        ('manual', 'stage_change', 'score_threshold', 'inactivity', 'new_lead'))
);
CREATE INDEX campaigns_broker_id_status_idx ON campaigns (broker_id, status);

--changeset inmo:0002-campaign-steps
CREATE TABLE campaign_steps (
    id                  uuid    NOT NULL,
    broker_id           uuid    NOT NULL,
    campaign_id         uuid    NOT NULL,
    step_number         integer NOT NULL,
    action              text    NOT NULL,
    message_template_id uuid,
    delay_hours         integer NOT NULL DEFAULT 0,
    config              jsonb   NOT NULL DEFAULT '{}',
    CONSTRAINT campaign_steps_pkey PRIMARY KEY (id),
    CONSTRAINT campaign_steps_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT campaign_steps_campaign_id_fkey
        FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE,
    CONSTRAINT campaign_steps_message_template_id_fkey
        FOREIGN KEY (message_template_id) REFERENCES message_templates (id),
    CONSTRAINT campaign_steps_step_number_check CHECK (step_number >= 1),
    CONSTRAINT campaign_steps_action_check CHECK (action IN
        ('send_message', 'ai_message', 'make_call', 'update_stage', 'wait')),
    CONSTRAINT campaign_steps_delay_hours_check CHECK (delay_hours >= 0),
    CONSTRAINT campaign_steps_campaign_id_step_number_key UNIQUE (campaign_id, step_number)
);

--changeset inmo:0002-campaign-logs
CREATE TABLE campaign_logs (
    id           uuid        NOT NULL,
    broker_id    uuid        NOT NULL,
    campaign_id  uuid        NOT NULL,
    lead_id      uuid        NOT NULL,
    step_number  integer     NOT NULL,
    status       text        NOT NULL,
    scheduled_at timestamptz,
    executed_at  timestamptz,
    error        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT campaign_logs_pkey PRIMARY KEY (id),
    CONSTRAINT campaign_logs_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT campaign_logs_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns (id),
    CONSTRAINT campaign_logs_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id),
    CONSTRAINT campaign_logs_status_check CHECK (status IN ('pending', 'sent', 'failed', 'skipped'))
);
CREATE INDEX campaign_logs_broker_id_campaign_id_idx ON campaign_logs (broker_id, campaign_id);
CREATE INDEX campaign_logs_lead_id_idx ON campaign_logs (lead_id);

--changeset inmo:0002-voice-calls
CREATE TABLE voice_calls (
    id               uuid        NOT NULL,
    broker_id        uuid        NOT NULL,
    lead_id          uuid        NOT NULL,
    campaign_id      uuid,
    initiated_by     uuid,
    provider         text        NOT NULL,
    purpose          text,
    phone_number     text        NOT NULL,
    external_call_id text,
    status           text        NOT NULL,
    duration         integer,
    transcript       text,
    summary          text,
    ended_reason     text,
    started_at       timestamptz,
    ended_at         timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          bigint      NOT NULL DEFAULT 0,
    CONSTRAINT voice_calls_pkey PRIMARY KEY (id),
    CONSTRAINT voice_calls_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT voice_calls_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id),
    CONSTRAINT voice_calls_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns (id),
    CONSTRAINT voice_calls_initiated_by_fkey FOREIGN KEY (initiated_by) REFERENCES users (id),
    CONSTRAINT voice_calls_provider_check CHECK (provider IN ('vapi', 'bland')),
    CONSTRAINT voice_calls_status_check CHECK (status IN ('initiated', 'ringing', 'in_progress',
        'completed', 'no_answer', 'busy', 'failed', 'voicemail', 'cancelled')),
    CONSTRAINT voice_calls_duration_check CHECK (duration >= 0),
    -- provider webhooks find the call by the provider's id
    CONSTRAINT voice_calls_external_call_id_key UNIQUE (external_call_id)
);
CREATE INDEX voice_calls_broker_id_created_at_idx ON voice_calls (broker_id, created_at);
CREATE INDEX voice_calls_lead_id_idx ON voice_calls (lead_id);

--changeset inmo:0002-call-transcripts
CREATE TABLE call_transcripts (
    id            uuid             NOT NULL,
    broker_id     uuid             NOT NULL,
    voice_call_id uuid             NOT NULL,
    seq           integer          NOT NULL,
    speaker       text             NOT NULL,
    text_content  text             NOT NULL,
    timestamp_sec double precision,
    created_at    timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT call_transcripts_pkey PRIMARY KEY (id),
    CONSTRAINT call_transcripts_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT call_transcripts_voice_call_id_fkey
        FOREIGN KEY (voice_call_id) REFERENCES voice_calls (id) ON DELETE CASCADE,
    CONSTRAINT call_transcripts_speaker_check CHECK (speaker IN ('agent', 'lead', 'system')),
    CONSTRAINT call_transcripts_timestamp_sec_check CHECK (timestamp_sec >= 0)
);
CREATE INDEX call_transcripts_voice_call_id_seq_idx ON call_transcripts (voice_call_id, seq);

--changeset inmo:0002-chat-messages
CREATE TABLE chat_messages (
    id                  uuid        NOT NULL,
    broker_id           uuid        NOT NULL,
    lead_id             uuid        NOT NULL,
    provider            text        NOT NULL,
    channel_user_id     text        NOT NULL,
    message_text        text,
    direction           text        NOT NULL,
    sender_type         text        NOT NULL,
    sent_by             uuid,
    provider_message_id text,
    delivery_status     text        NOT NULL,
    error               text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chat_messages_pkey PRIMARY KEY (id),
    CONSTRAINT chat_messages_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT chat_messages_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id),
    CONSTRAINT chat_messages_sent_by_fkey FOREIGN KEY (sent_by) REFERENCES users (id),
    CONSTRAINT chat_messages_provider_check CHECK (provider IN ('telegram', 'whatsapp', 'webchat')),
    CONSTRAINT chat_messages_direction_check CHECK (direction IN ('inbound', 'outbound')),
    CONSTRAINT chat_messages_sender_type_check CHECK (sender_type IN ('lead', 'ai', 'staff', 'system')),
    CONSTRAINT chat_messages_delivery_status_check CHECK (delivery_status IN
        ('received', 'queued', 'sent', 'delivered', 'read', 'failed')),
    -- webhook redelivery is idempotent: a provider's message id is stored once per broker
    CONSTRAINT chat_messages_broker_id_provider_provider_message_id_key
        UNIQUE (broker_id, provider, provider_message_id)
);
CREATE INDEX chat_messages_broker_id_lead_id_created_at_idx ON chat_messages (broker_id, lead_id, created_at);

--changeset inmo:0002-telegram-messages
CREATE TABLE telegram_messages (
    id               uuid        NOT NULL,
    broker_id        uuid        NOT NULL,
    lead_id          uuid,
    telegram_user_id bigint      NOT NULL,
    chat_id          bigint,
    message_text     text,
    direction        text        NOT NULL,
    update_id        bigint,
    raw              jsonb,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT telegram_messages_pkey PRIMARY KEY (id),
    CONSTRAINT telegram_messages_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT telegram_messages_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id),
    CONSTRAINT telegram_messages_direction_check CHECK (direction IN ('inbound', 'outbound')),
    CONSTRAINT telegram_messages_broker_id_update_id_key UNIQUE (broker_id, update_id)
);

--changeset inmo:0002-activity-log
CREATE TABLE activity_log (
    id            uuid        NOT NULL,
    broker_id     uuid        NOT NULL,
    lead_id       uuid        NOT NULL,
    action_type   text        NOT NULL,
    details       jsonb       NOT NULL DEFAULT '{}',
    actor_type    text,
    actor_user_id uuid,
    ts            timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT activity_log_pkey PRIMARY KEY (id),
    CONSTRAINT activity_log_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT activity_log_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id),
    CONSTRAINT activity_log_actor_user_id_fkey FOREIGN KEY (actor_user_id) REFERENCES users (id),
    CONSTRAINT activity_log_actor_type_check CHECK (actor_type IN ('system', 'user', 'ai', 'lead'))
);
CREATE INDEX activity_log_broker_id_lead_id_ts_idx ON activity_log (broker_id, lead_id, ts DESC);

--changeset inmo:0002-audit-logs
CREATE TABLE audit_logs (
    id             uuid        NOT NULL,
    broker_id      uuid,
    user_id        uuid,
    action         text        NOT NULL,
    resource_type  text        NOT NULL,
    resource_id    text,
    before_summary jsonb,
    after_summary  jsonb,
    ip             text,
    request_id     text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT audit_logs_pkey PRIMARY KEY (id),
    -- broker_id is null for platform (superadmin) actions
    CONSTRAINT audit_logs_broker_id_fkey FOREIGN KEY (broker_id) REFERENCES brokers (id),
    CONSTRAINT audit_logs_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX audit_logs_broker_id_created_at_idx ON audit_logs (broker_id, created_at DESC);
