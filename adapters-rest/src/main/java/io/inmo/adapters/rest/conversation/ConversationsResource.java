package io.inmo.adapters.rest.conversation;

import io.inmo.adapters.rest.auth.Callers;
import io.inmo.adapters.rest.problem.Ids;
import io.inmo.adapters.rest.problem.Requests;
import io.inmo.application.port.in.chat.ListConversationsUseCase;
import io.inmo.application.port.in.chat.ListConversationsUseCase.ConversationPage;
import io.inmo.application.port.in.chat.ListConversationsUseCase.ConversationQuery;
import io.inmo.application.port.in.chat.ListConversationsUseCase.ConversationSummary;
import io.inmo.application.port.in.chat.ListConversationsUseCase.LeadSummary;
import io.inmo.application.port.in.chat.ListConversationsUseCase.MessagePreview;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.ConversationStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * REST adapter for the dashboard's conversation inbox: {@code GET /api/v1/conversations} with
 * filters and cursor pagination, newest activity first, over the leads the caller sees.
 */
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "conversations")
public class ConversationsResource {
  private final ListConversationsUseCase conversations;

  @Inject
  public ConversationsResource(ListConversationsUseCase conversations) {
    this.conversations = conversations;
  }

  /** A page of the inbox; {@code nextCursor} is absent on the last page. */
  public record ConversationListResponse(List<ConversationItem> items, String nextCursor) {}

  /**
   * One conversation: its lead, newest message, who holds it ({@code heldBy}: {@code ai}, {@code
   * staff} — {@code takenOverBy} — or {@code nobody} while escalated or opted out).
   */
  public record ConversationItem(
      String id,
      String provider,
      String status,
      LeadItem lead,
      MessageItem lastMessage,
      Instant lastInboundAt,
      Instant lastActivityAt,
      String heldBy,
      String takenOverBy,
      Instant takenOverAt,
      String escalation,
      Instant escalatedAt,
      boolean optedOut) {
    static ConversationItem of(ConversationSummary s) {
      return new ConversationItem(
          s.id().value().toString(),
          s.provider().apiValue(),
          s.status().apiValue(),
          LeadItem.of(s.lead()),
          s.lastMessage() == null ? null : MessageItem.of(s.lastMessage()),
          s.lastInboundAt(),
          s.lastActivityAt(),
          s.heldBy(),
          s.takenOverBy() == null ? null : s.takenOverBy().value().toString(),
          s.takenOverAt(),
          s.escalation() == null ? null : s.escalation().apiValue(),
          s.escalatedAt(),
          s.optedOut());
    }
  }

  /** The lead's summary as the lead list shows it. */
  public record LeadItem(
      String id, String name, String status, int score, String stage, String assignedTo) {
    static LeadItem of(LeadSummary l) {
      return new LeadItem(
          l.id().value().toString(),
          l.name(),
          l.status() == null ? null : l.status().apiValue(),
          l.score(),
          l.stage() == null ? null : l.stage().apiValue(),
          l.assignedTo() == null ? null : l.assignedTo().value().toString());
    }
  }

  /** The newest message: up to 140 characters ({@code truncated} when cut), sender and time. */
  public record MessageItem(String text, boolean truncated, String sender, Instant at) {
    static MessageItem of(MessagePreview m) {
      return new MessageItem(m.text(), m.truncated(), m.sender().apiValue(), m.at());
    }
  }

  @GET
  @Operation(
      summary =
          "The conversation inbox, newest activity first: channel, status (open, escalated,"
              + " taken_over, opted_out), q (lead name, phone or e-mail), cursor, limit (1-100)",
      security = @SecurityRequirement(name = "bearer"))
  public ConversationListResponse list(
      @QueryParam("channel") String channel,
      @QueryParam("status") String status,
      @QueryParam("q") String q,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    var actor = Callers.actor(security);
    ConversationQuery query =
        Requests.parse(
            () ->
                new ConversationQuery(
                    Ids.brokerId(brokerId),
                    enumParam("channel", channel, ChatProvider::fromApiValue),
                    enumParam("status", status, ConversationStatus::fromApiValue),
                    q,
                    cursor,
                    Requests.integer("limit", limit, ListConversationsUseCase.DEFAULT_PAGE_SIZE),
                    Callers.origin(headers)));
    ConversationPage page = conversations.list(actor, query);
    return new ConversationListResponse(
        page.items().stream().map(ConversationItem::of).toList(), page.nextCursor());
  }

  private static <E> E enumParam(String name, String value, Function<String, E> parse) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return parse.apply(value.strip());
    } catch (IllegalArgumentException e) {
      String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
      throw new IllegalArgumentException(name + ": valor desconocido «" + shown + "»");
    }
  }
}
