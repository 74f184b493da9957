--liquibase formatted sql

--changeset inmo:0010-conversations
--comment: Issue 5, ADR 0015: one row per lead and channel identity, holding who speaks (AI or a staff member who took over), the open escalation, the last inbound time (WhatsApp's 24-hour window) and the per-conversation turn queue (due time, first pending message, claim). Tenant keys as in 0004.
CREATE TABLE conversations (
    id                      uuid        PRIMARY KEY,
    broker_id               uuid        NOT NULL REFERENCES brokers (id),
    lead_id                 uuid        NOT NULL,
    provider                text        NOT NULL CHECK (provider IN ('telegram', 'whatsapp', 'webchat')),
    channel_user_id         text        NOT NULL CHECK (length(channel_user_id) BETWEEN 1 AND 200),
    taken_over_by           uuid,
    taken_over_at           timestamptz,
    last_staff_activity_at  timestamptz,
    escalation              text        CHECK (escalation IN ('human_requested', 'complaint', 'hostile')),
    escalated_at            timestamptz,
    last_inbound_at         timestamptz,
    turn_pending_since      timestamptz,
    turn_due_at             timestamptz,
    turn_claimed_until      timestamptz,
    turn_claimed_by         text,
    turn_failures           integer     NOT NULL DEFAULT 0 CHECK (turn_failures >= 0),
    created_at              timestamptz NOT NULL,
    updated_at              timestamptz NOT NULL,
    version                 bigint      NOT NULL DEFAULT 0,
    CONSTRAINT conversations_broker_id_id_key UNIQUE (broker_id, id),
    CONSTRAINT conversations_broker_id_provider_channel_user_id_key UNIQUE (broker_id, provider, channel_user_id),
    CONSTRAINT conversations_broker_id_lead_id_fkey FOREIGN KEY (broker_id, lead_id) REFERENCES leads (broker_id, id),
    CONSTRAINT conversations_broker_id_taken_over_by_fkey FOREIGN KEY (broker_id, taken_over_by) REFERENCES users (broker_id, id),
    CONSTRAINT conversations_takeover_pair_check CHECK ((taken_over_by IS NULL) = (taken_over_at IS NULL)),
    CONSTRAINT conversations_escalation_pair_check CHECK ((escalation IS NULL) = (escalated_at IS NULL))
);
CREATE INDEX conversations_broker_id_lead_id_idx ON conversations (broker_id, lead_id);
CREATE INDEX conversations_turn_due_idx ON conversations (turn_due_at) WHERE turn_due_at IS NOT NULL;

--changeset inmo:0010-chat-message-turns
--comment: ADR 0015: an inbound message is handled once a turn answered it (or chose not to); an outbound message waits in the outbox as queued until a node claims and sends it.
ALTER TABLE chat_messages
    ADD COLUMN handled_at timestamptz,
    ADD COLUMN send_claimed_until timestamptz,
    ADD COLUMN send_claimed_by text;
CREATE INDEX chat_messages_unhandled_idx ON chat_messages (broker_id, lead_id, created_at)
    WHERE direction = 'inbound' AND handled_at IS NULL;
CREATE INDEX chat_messages_outbox_idx ON chat_messages (created_at)
    WHERE direction = 'outbound' AND delivery_status = 'queued';

--changeset inmo:0010-escalation-notifications
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('lead_hot', 'lead_score_alert', 'leads_stale', 'conversation_escalated'));
