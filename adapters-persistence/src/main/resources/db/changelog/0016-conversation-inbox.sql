--liquibase formatted sql

--changeset inmo:0016-conversation-inbox splitStatements:false
--comment: The dashboard's conversation inbox (GET /api/v1/conversations) lists a broker's conversations newest activity first, one page per index range. Each conversation keeps its newest message (last_message_id) and the time of its last activity (last_activity_at: that message's time, else the conversation's start), kept by triggers like the live events of 0011 so that no path writing a message can forget them: a message inserted moves its conversation forward; a conversation inserted after its first message (JPA may flush them in either order) starts from the newest message already there. No foreign key to chat_messages: a message that goes away only leaves the inbox without a preview.
ALTER TABLE conversations
    ADD COLUMN last_message_id  uuid,
    ADD COLUMN last_activity_at timestamptz;

UPDATE conversations c SET (last_message_id, last_activity_at) = (
    SELECT m.id, greatest(c.created_at, m.created_at)
      FROM chat_messages m
     WHERE m.broker_id = c.broker_id AND m.lead_id = c.lead_id
       AND m.provider = c.provider AND m.channel_user_id = c.channel_user_id
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT 1);
UPDATE conversations SET last_activity_at = created_at WHERE last_activity_at IS NULL;
ALTER TABLE conversations ALTER COLUMN last_activity_at SET NOT NULL;

CREATE INDEX conversations_broker_id_last_activity_idx
    ON conversations (broker_id, last_activity_at DESC, id DESC);

CREATE FUNCTION inmo_conversation_start_activity() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    latest_id uuid;
    latest_at timestamptz;
BEGIN
    SELECT m.id, m.created_at INTO latest_id, latest_at
      FROM chat_messages m
     WHERE m.broker_id = NEW.broker_id AND m.lead_id = NEW.lead_id
       AND m.provider = NEW.provider AND m.channel_user_id = NEW.channel_user_id
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT 1;
    NEW.last_message_id := latest_id;
    NEW.last_activity_at := greatest(NEW.created_at, latest_at);
    RETURN NEW;
END
$$;

CREATE TRIGGER conversations_start_activity BEFORE INSERT ON conversations
    FOR EACH ROW EXECUTE FUNCTION inmo_conversation_start_activity();

CREATE FUNCTION inmo_conversation_message_activity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE conversations c
       SET last_message_id = NEW.id, last_activity_at = NEW.created_at
     WHERE c.broker_id = NEW.broker_id AND c.provider = NEW.provider
       AND c.channel_user_id = NEW.channel_user_id AND c.lead_id = NEW.lead_id
       AND c.last_activity_at <= NEW.created_at;
    RETURN NULL;
END
$$;

CREATE TRIGGER chat_messages_conversation_activity AFTER INSERT ON chat_messages
    FOR EACH ROW EXECUTE FUNCTION inmo_conversation_message_activity();
