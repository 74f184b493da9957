package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.ConversationId;
import io.inmo.domain.conversation.ConversationStatus;
import io.inmo.domain.conversation.EscalationPolicy.Reason;
import io.inmo.domain.conversation.SenderType;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.lead.LeadStatus;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Outbound port: the conversation inbox of one broker, read page by page newest activity first
 * (keyset pagination on the last activity and the conversation id), each conversation with its
 * lead's summary and newest message in the same read. Conversations of deleted leads are never
 * listed.
 */
public interface ConversationInboxRepository {

  /** At most {@code search.limit()} conversations, newest activity first. */
  List<InboxEntry> list(BrokerId brokerId, InboxSearch search);

  /**
   * The filters of a page; null means "any".
   *
   * @param text a fragment of the lead's name, phone or e-mail, accents and case ignored
   * @param agent when set, only conversations of leads assigned to this AGENT and — when {@code
   *     agentSeesUnassigned} — of unassigned leads
   * @param after where the previous page ended; null for the first page
   */
  record InboxSearch(
      ChatProvider provider,
      ConversationStatus status,
      String text,
      UserId agent,
      boolean agentSeesUnassigned,
      Position after,
      int limit) {
    public InboxSearch {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be positive");
      }
    }
  }

  /** The last activity and id of the last conversation of a page. */
  record Position(Instant lastActivityAt, UUID conversationId) {
    public Position {
      Objects.requireNonNull(lastActivityAt, "lastActivityAt");
      Objects.requireNonNull(conversationId, "conversationId");
    }
  }

  /**
   * One conversation as the inbox shows it.
   *
   * @param leadName null when the lead has not said it
   * @param leadOptedOutAt null unless the lead withdrew consent
   * @param takenOverBy null unless a staff member holds the conversation
   * @param escalation null unless the lead waits for a person
   * @param lastActivityAt the newest message's time, or the conversation's start
   * @param lastMessage null when the conversation has none
   */
  record InboxEntry(
      ConversationId conversationId,
      ChatProvider provider,
      LeadId leadId,
      String leadName,
      LeadStatus leadStatus,
      int leadScore,
      PipelineStage leadStage,
      UserId leadAssignedTo,
      Instant leadOptedOutAt,
      UserId takenOverBy,
      Instant takenOverAt,
      Reason escalation,
      Instant escalatedAt,
      Instant lastInboundAt,
      Instant lastActivityAt,
      LastMessage lastMessage) {
    public InboxEntry {
      Objects.requireNonNull(conversationId, "conversationId");
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(leadId, "leadId");
      Objects.requireNonNull(lastActivityAt, "lastActivityAt");
    }

    public ConversationStatus status() {
      return ConversationStatus.of(leadOptedOutAt != null, takenOverBy != null, escalation != null);
    }
  }

  /**
   * A conversation's newest message.
   *
   * @param text the beginning of its text (at least the inbox's preview length); null when it has
   *     none
   */
  record LastMessage(String text, SenderType sender, Instant at) {
    public LastMessage {
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(at, "at");
    }
  }
}
