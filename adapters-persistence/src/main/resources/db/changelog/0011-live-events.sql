--liquibase formatted sql

--changeset inmo:0011-live-events splitStatements:false
--comment: Issue 5, ADR 0017: live updates for the dashboard, turn wake-ups and cache evictions. Triggers append a small row to live_events for every change of a lead, a chat message, a conversation or a broker config, in the writing transaction; every node reads the rows of transactions that have ended (xid below the snapshot's xmin), so nothing is missed or seen before its commit. Not NOTIFY: a transaction that notifies takes a cluster-wide lock through its commit, serialising every writer. Payloads carry ids, kinds and states only, never personal data.
CREATE TABLE live_events (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid         xid8        NOT NULL DEFAULT pg_current_xact_id(),
    broker_id   uuid        NOT NULL,
    payload     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX live_events_xid_idx ON live_events (xid, id);
CREATE INDEX live_events_created_at_idx ON live_events (created_at);

CREATE FUNCTION inmo_live_event(kind text, broker uuid, lead uuid, extra jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    assigned uuid;
BEGIN
    SELECT l.assigned_to INTO assigned FROM leads l WHERE l.id = lead;
    INSERT INTO live_events (broker_id, payload) VALUES (broker, jsonb_build_object(
        'type', kind, 'broker', broker, 'lead', lead, 'assignedTo', assigned) || extra);
END
$$;

CREATE FUNCTION inmo_live_lead() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO live_events (broker_id, payload) VALUES (NEW.broker_id, jsonb_build_object(
        'type', 'lead', 'broker', NEW.broker_id, 'lead', NEW.id, 'assignedTo', NEW.assigned_to,
        'previouslyAssignedTo', CASE WHEN TG_OP = 'UPDATE' THEN OLD.assigned_to END,
        'reassigned', TG_OP = 'UPDATE' AND OLD.assigned_to IS DISTINCT FROM NEW.assigned_to,
        'status', NEW.status, 'score', NEW.lead_score, 'stage', NEW.pipeline_stage,
        'deleted', NEW.deleted_at IS NOT NULL));
    RETURN NULL;
END
$$;

CREATE TRIGGER leads_live AFTER INSERT OR UPDATE ON leads
    FOR EACH ROW EXECUTE FUNCTION inmo_live_lead();

CREATE FUNCTION inmo_live_chat_message() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.delivery_status IS NOT DISTINCT FROM OLD.delivery_status THEN
        RETURN NULL;
    END IF;
    PERFORM inmo_live_event(
        CASE WHEN TG_OP = 'INSERT' THEN 'message' ELSE 'message_status' END,
        NEW.broker_id, NEW.lead_id,
        jsonb_build_object('message', NEW.id, 'provider', NEW.provider,
            'direction', NEW.direction, 'senderType', NEW.sender_type,
            'deliveryStatus', NEW.delivery_status));
    RETURN NULL;
END
$$;

CREATE TRIGGER chat_messages_live AFTER INSERT OR UPDATE ON chat_messages
    FOR EACH ROW EXECUTE FUNCTION inmo_live_chat_message();

CREATE FUNCTION inmo_live_conversation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT'
        OR NEW.taken_over_by IS DISTINCT FROM OLD.taken_over_by
        OR NEW.escalation IS DISTINCT FROM OLD.escalation THEN
        PERFORM inmo_live_event('conversation', NEW.broker_id, NEW.lead_id,
            jsonb_build_object('conversation', NEW.id, 'provider', NEW.provider,
                'takenOverBy', NEW.taken_over_by, 'escalation', NEW.escalation));
    END IF;
    IF TG_OP = 'UPDATE' AND (NEW.turn_claimed_by IS NULL) <> (OLD.turn_claimed_by IS NULL) THEN
        PERFORM inmo_live_event('typing', NEW.broker_id, NEW.lead_id,
            jsonb_build_object('conversation', NEW.id, 'provider', NEW.provider,
                'active', NEW.turn_claimed_by IS NOT NULL));
    END IF;
    IF NEW.turn_due_at IS NOT NULL AND NEW.turn_claimed_by IS NULL
        AND (TG_OP = 'INSERT' OR NEW.turn_due_at IS DISTINCT FROM OLD.turn_due_at
             OR OLD.turn_claimed_by IS NOT NULL) THEN
        INSERT INTO live_events (broker_id, payload) VALUES (NEW.broker_id, jsonb_build_object(
            'type', 'turn_due', 'broker', NEW.broker_id, 'lead', NEW.lead_id,
            'dueAt', to_char(NEW.turn_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER conversations_live AFTER INSERT OR UPDATE ON conversations
    FOR EACH ROW EXECUTE FUNCTION inmo_live_conversation();

CREATE FUNCTION inmo_live_broker_config() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO live_events (broker_id, payload) VALUES (NEW.broker_id, jsonb_build_object(
        'type', 'broker_config', 'broker', NEW.broker_id, 'config', TG_TABLE_NAME));
    RETURN NULL;
END
$$;

CREATE TRIGGER broker_prompt_configs_live AFTER INSERT OR UPDATE ON broker_prompt_configs
    FOR EACH ROW EXECUTE FUNCTION inmo_live_broker_config();
CREATE TRIGGER broker_lead_configs_live AFTER INSERT OR UPDATE ON broker_lead_configs
    FOR EACH ROW EXECUTE FUNCTION inmo_live_broker_config();
CREATE TRIGGER broker_chat_configs_live AFTER INSERT OR UPDATE ON broker_chat_configs
    FOR EACH ROW EXECUTE FUNCTION inmo_live_broker_config();
