--liquibase formatted sql

--changeset inmo:0006-notifications
--comment: In-app notifications (PRODUCT §5 hot-lead alert; issue 4): one row per recipient, read once. Tenant keys as in 0004: the recipient and the lead must belong to the notification's broker.
CREATE TABLE notifications (
    id          uuid PRIMARY KEY,
    broker_id   uuid NOT NULL REFERENCES brokers (id),
    user_id     uuid NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('lead_hot', 'lead_score_alert')),
    lead_id     uuid,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 1000),
    created_at  timestamptz NOT NULL,
    read_at     timestamptz,
    CONSTRAINT notifications_broker_id_user_id_fkey
        FOREIGN KEY (broker_id, user_id) REFERENCES users (broker_id, id),
    CONSTRAINT notifications_broker_id_lead_id_fkey
        FOREIGN KEY (broker_id, lead_id) REFERENCES leads (broker_id, id)
);
CREATE INDEX notifications_inbox_idx ON notifications (broker_id, user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (broker_id, user_id, created_at DESC, id DESC) WHERE read_at IS NULL;
