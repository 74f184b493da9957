package io.inmo.application.port.in.chat;

import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
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

/**
 * Inbound port: the dashboard's conversation inbox — a broker's conversations, newest activity
 * first, page by page, each with its lead's summary, its newest message and who holds it. The
 * caller sees the conversations of the leads they see in the lead book (an AGENT those assigned to
 * them and, unless the broker switched it off, the unassigned ones); a SUPERADMIN names the broker
 * and is audited.
 */
public interface ListConversationsUseCase {
  int DEFAULT_PAGE_SIZE = 30;
  int MAX_PAGE_SIZE = 100;

  /** Characters of the newest message shown, an ellipsis included when it is cut. */
  int PREVIEW_LENGTH = 140;

  /**
   * A page of the inbox.
   *
   * @throws io.inmo.domain.shared.InvalidValueException {@code conversation.cursor_invalid} (400)
   *     for a cursor this list did not hand out, {@code conversation.broker_required} (400) for a
   *     SUPERADMIN naming no broker
   * @throws io.inmo.domain.shared.NotFoundException {@code broker.not_found} for another broker
   */
  ConversationPage list(Actor actor, ConversationQuery query);

  /**
   * The filters (null = any) and the page: {@code cursor} is the previous page's {@code
   * nextCursor}; {@code text} a fragment of the lead's name, phone or e-mail (at most 100
   * characters); {@code limit} 1..{@value #MAX_PAGE_SIZE}.
   */
  record ConversationQuery(
      BrokerId brokerId,
      ChatProvider provider,
      ConversationStatus status,
      String text,
      String cursor,
      int limit,
      Origin origin) {
    public ConversationQuery {
      if (limit < 1 || limit > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("limit debe estar entre 1 y " + MAX_PAGE_SIZE);
      }
      text = text == null || text.isBlank() ? null : text.strip();
      if (text != null && text.length() > 100) {
        throw new IllegalArgumentException("q admite a lo más 100 caracteres");
      }
      cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
      origin = origin == null ? Origin.SYSTEM : origin;
    }
  }

  /** A page and the cursor of the next one (null on the last page). */
  record ConversationPage(List<ConversationSummary> items, String nextCursor) {
    public ConversationPage {
      items = List.copyOf(items);
    }
  }

  /**
   * One conversation in the inbox.
   *
   * @param takenOverBy the staff member holding it; null when the AI speaks or nobody does
   * @param escalation why the lead waits for a person; null otherwise
   * @param lastMessage null when the conversation has no message yet
   * @param lastActivityAt the newest message's time, or the conversation's start
   */
  record ConversationSummary(
      ConversationId id,
      ChatProvider provider,
      ConversationStatus status,
      LeadSummary lead,
      MessagePreview lastMessage,
      Instant lastInboundAt,
      Instant lastActivityAt,
      UserId takenOverBy,
      Instant takenOverAt,
      Reason escalation,
      Instant escalatedAt,
      boolean optedOut) {
    public ConversationSummary {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(lead, "lead");
      Objects.requireNonNull(lastActivityAt, "lastActivityAt");
    }

    /** Who answers the lead now: {@code staff}, nobody (escalated, opted out) or the AI. */
    public String heldBy() {
      return switch (status) {
        case TAKEN_OVER -> "staff";
        case ESCALATED, OPTED_OUT -> "nobody";
        case OPEN -> "ai";
      };
    }
  }

  /** The lead behind a conversation, as the lead list shows it. */
  record LeadSummary(
      LeadId id,
      String name,
      LeadStatus status,
      int score,
      PipelineStage stage,
      UserId assignedTo) {
    public LeadSummary {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * The beginning of a message.
   *
   * @param text at most {@value #PREVIEW_LENGTH} characters, whitespace collapsed, ending in "…"
   *     when cut ({@code truncated}); null for a message without text
   */
  record MessagePreview(String text, boolean truncated, SenderType sender, Instant at) {
    public MessagePreview {
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(at, "at");
    }
  }
}
