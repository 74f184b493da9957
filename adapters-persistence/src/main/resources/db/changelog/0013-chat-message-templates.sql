--liquibase formatted sql

--changeset inmo:0013-chat-message-templates
--comment: Issue 5: a staff message sent as an approved WhatsApp template (outside the 24-hour window) keeps the template here; the message's own text is the template's rendering for the timeline. The outbox sends the template.
CREATE TABLE chat_message_templates (
    message_id  uuid        PRIMARY KEY REFERENCES chat_messages (id) ON DELETE CASCADE,
    broker_id   uuid        NOT NULL REFERENCES brokers (id),
    name        text        NOT NULL CHECK (name ~ '^[a-z0-9_]+$' AND length(name) <= 512),
    language    text        NOT NULL CHECK (language ~ '^[a-z]{2,3}(_[A-Z]{2})?$'),
    parameters  jsonb       NOT NULL DEFAULT '[]'
);
