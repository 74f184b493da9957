--liquibase formatted sql

-- Composite tenant keys (ADR 0011): a child row references its parent by (broker_id, parent id), so
-- the database itself refuses a row that points at another brokerage's lead, user, campaign,
-- template or call. Parents get UNIQUE (broker_id, id) for the foreign keys to reference; the
-- single-column foreign keys these replace are dropped. Nullable references stay optional (MATCH
-- SIMPLE: a null parent id is not checked).
-- Columns naming the *actor* of a row (activity_log.actor_user_id, audit_logs.user_id,
-- chat_messages.sent_by, voice_calls.initiated_by, campaigns.created_by) keep their single-column
-- foreign key: a SUPERADMIN (broker_id null) acts on a brokerage's rows and is recorded there.

--changeset inmo:0004-tenant-parent-keys
ALTER TABLE users ADD CONSTRAINT users_broker_id_id_key UNIQUE (broker_id, id);
ALTER TABLE leads ADD CONSTRAINT leads_broker_id_id_key UNIQUE (broker_id, id);
ALTER TABLE message_templates ADD CONSTRAINT message_templates_broker_id_id_key UNIQUE (broker_id, id);
ALTER TABLE campaigns ADD CONSTRAINT campaigns_broker_id_id_key UNIQUE (broker_id, id);
ALTER TABLE voice_calls ADD CONSTRAINT voice_calls_broker_id_id_key UNIQUE (broker_id, id);

--changeset inmo:0004-leads-tenant-keys
ALTER TABLE leads
    DROP CONSTRAINT leads_assigned_to_fkey,
    ADD CONSTRAINT leads_broker_id_assigned_to_fkey
        FOREIGN KEY (broker_id, assigned_to) REFERENCES users (broker_id, id);

--changeset inmo:0004-lead-identities-tenant-keys
ALTER TABLE lead_identities
    DROP CONSTRAINT lead_identities_lead_id_fkey,
    ADD CONSTRAINT lead_identities_broker_id_lead_id_fkey
        FOREIGN KEY (broker_id, lead_id) REFERENCES leads (broker_id, id);

--changeset inmo:0004-appointments-tenant-keys
ALTER TABLE appointments
    DROP CONSTRAINT appointments_lead_id_fkey,
    DROP CONSTRAINT appointments_agent_id_fkey,
    ADD CONSTRAINT appointments_broker_id_lead_id_fkey
        FOREIGN KEY (broker_id, lead_id) REFERENCES leads (broker_id, id),
    ADD CONSTRAINT appointments_broker_id_agent_id_fkey
        FOREIGN KEY (broker_id, agent_id) REFERENCES users (broker_id, id);

--changeset inmo:0004-campaign-steps-tenant-keys
ALTER TABLE campaign_steps
    DROP CONSTRAINT campaign_steps_campaign_id_fkey,
    DROP CONSTRAINT campaign_steps_message_template_id_fkey,
    ADD CONSTRAINT campaign_steps_broker_id_campaign_id_fkey
        FOREIGN KEY (broker_id, campaign_id) REFERENCES campaigns (broker_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT campaign_steps_broker_id_message_template_id_fkey
        FOREIGN KEY (broker_id, message_template_id) REFERENCES message_templates (broker_id, id);

--changeset inmo:0004-campaign-logs-tenant-keys
ALTER TABLE campaign_logs
    DROP CONSTRAINT campaign_logs_campaign_id_fkey,
    DROP CONSTRAINT campaign_logs_lead_id_fkey,
    ADD CONSTRAINT campaign_logs_broker_id_campaign_id_fkey
        FOREIGN KEY (broker_id, campaign_id) REFERENCES campaigns (broker_id, id),
    ADD CONSTRAINT campaign_logs_broker_id_lead_id_fkey
        FOREIGN KEY (broker_id, lead_id) REFERENCES leads (broker_id, id);

--changeset inmo:0004-voice-calls-tenant-keys
ALTER TABLE voice_calls
    DROP CONSTRAINT voice_calls_lead_id_fkey,
    DROP CONSTRAINT voice_calls_campaign_id_fkey,
    ADD CONSTRAINT voice_calls_broker_id_lead_id_fkey
        FOREIGN KEY (broker_id, lead_id) REFERENCES leads (broker_id, id),
    ADD CONSTRAINT voice_calls_broker_id_campaign_id_fkey
        FOREIGN KEY (broker_id, campaign_id) REFERENCES campaigns (broker_id, id);

--changeset inmo:0004-call-transcripts-tenant-keys
ALTER TABLE call_transcripts
    DROP CONSTRAINT call_transcripts_voice_call_id_fkey,
    ADD CONSTRAINT call_transcripts_broker_id_voice_call_id_fkey
        FOREIGN KEY (broker_id, voice_call_id) REFERENCES voice_calls (broker_id, id) ON DELETE CASCADE;

--changeset inmo:0004-chat-messages-tenant-keys
ALTER TABLE chat_messages
    DROP CONSTRAINT chat_messages_lead_id_fkey,
    ADD CONSTRAINT chat_messages_broker_id_lead_id_fkey
        FOREIGN KEY (broker_id, lead_id) REFERENCES leads (broker_id, id);

--changeset inmo:0004-telegram-messages-tenant-keys
ALTER TABLE telegram_messages
    DROP CONSTRAINT telegram_messages_lead_id_fkey,
    ADD CONSTRAINT telegram_messages_broker_id_lead_id_fkey
        FOREIGN KEY (broker_id, lead_id) REFERENCES leads (broker_id, id);

--changeset inmo:0004-activity-log-tenant-keys
ALTER TABLE activity_log
    DROP CONSTRAINT activity_log_lead_id_fkey,
    ADD CONSTRAINT activity_log_broker_id_lead_id_fkey
        FOREIGN KEY (broker_id, lead_id) REFERENCES leads (broker_id, id);
