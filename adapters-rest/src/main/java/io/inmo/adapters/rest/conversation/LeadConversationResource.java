package io.inmo.adapters.rest.conversation;

import io.inmo.adapters.rest.auth.Callers;
import io.inmo.adapters.rest.problem.Ids;
import io.inmo.adapters.rest.problem.Requests;
import io.inmo.application.port.in.chat.StaffConversationsUseCase;
import io.inmo.application.port.in.chat.StaffConversationsUseCase.LeadConversations;
import io.inmo.application.security.Actor;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.Conversation;
import io.inmo.domain.lead.LeadId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;

/**
 * A lead's conversations for broker staff (PRODUCT §7): read them, take over, reply through the
 * lead's channel, release. Same visibility as the lead itself.
 */
@Path("/api/v1/leads/{id}/conversation")
@Produces(MediaType.APPLICATION_JSON)
public class LeadConversationResource {
  private final StaffConversationsUseCase conversations;

  @Inject
  public LeadConversationResource(StaffConversationsUseCase conversations) {
    this.conversations = conversations;
  }

  /** One channel's conversation: who speaks for the broker now. */
  public record ConversationResponse(
      String id,
      String provider,
      boolean aiActive,
      String takenOverBy,
      Instant takenOverAt,
      String escalation,
      Instant escalatedAt,
      Instant lastInboundAt) {
    static ConversationResponse of(Conversation c) {
      return new ConversationResponse(
          c.id().value().toString(),
          c.provider().apiValue(),
          c.aiMayReply(),
          c.takenOverBy() == null ? null : c.takenOverBy().value().toString(),
          c.takenOverAt(),
          c.escalation() == null ? null : c.escalation().apiValue(),
          c.escalatedAt(),
          c.lastInboundAt());
    }
  }

  /** One message as staff see it. */
  public record MessageResponse(
      String id,
      String provider,
      String direction,
      String senderType,
      String sentBy,
      String text,
      String deliveryStatus,
      String error,
      Instant createdAt) {
    static MessageResponse of(ChatMessage m) {
      return new MessageResponse(
          m.id().value().toString(),
          m.provider().apiValue(),
          m.direction().apiValue(),
          m.senderType().apiValue(),
          m.sentBy() == null ? null : m.sentBy().value().toString(),
          m.text(),
          m.deliveryStatus().apiValue(),
          m.error(),
          m.createdAt());
    }
  }

  public record ConversationsResponse(
      List<ConversationResponse> conversations, List<MessageResponse> messages) {}

  /**
   * A staff reply: {@code text}, or — on WhatsApp, e.g. more than 24 hours after the lead's last
   * message — an approved {@code template}.
   */
  public record ReplyRequest(String text, TemplateRequest template) {}

  /** An approved WhatsApp template: its name, language code and body parameters in order. */
  public record TemplateRequest(String name, String language, List<String> parameters) {}

  @GET
  @Operation(
      summary = "The lead's conversations and latest 50 messages",
      security = @SecurityRequirement(name = "bearer"))
  public ConversationsResponse read(
      @PathParam("id") String id,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security) {
    LeadConversations found = conversations.read(actor(security), broker(brokerId), lead(id));
    return new ConversationsResponse(
        found.conversations().stream().map(ConversationResponse::of).toList(),
        found.messages().stream().map(MessageResponse::of).toList());
  }

  @POST
  @Path("takeover")
  @Operation(
      summary = "Take the conversation over: the AI stays silent until released",
      security = @SecurityRequirement(name = "bearer"))
  public ConversationResponse takeOver(
      @PathParam("id") String id,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security) {
    return ConversationResponse.of(
        conversations.takeOver(actor(security), broker(brokerId), lead(id)));
  }

  @POST
  @Path("release")
  @Operation(
      summary = "Hand the conversation back to the AI",
      security = @SecurityRequirement(name = "bearer"))
  public ConversationResponse release(
      @PathParam("id") String id,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security) {
    return ConversationResponse.of(
        conversations.release(actor(security), broker(brokerId), lead(id)));
  }

  @POST
  @Path("messages")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Reply to the lead through its channel (takes the conversation over)",
      security = @SecurityRequirement(name = "bearer"))
  public MessageResponse reply(
      @PathParam("id") String id,
      @QueryParam("brokerId") String brokerId,
      ReplyRequest body,
      @Context SecurityContext security) {
    ReplyRequest request = Requests.requireBody(body);
    if ((request.text() == null) == (request.template() == null)) {
      throw new io.inmo.domain.shared.InvalidValueException(
          "conversation.invalid_reply",
          "envía text o template (una plantilla de WhatsApp), no ambos");
    }
    if (request.template() != null) {
      TemplateRequest t = request.template();
      if (t.parameters() != null && t.parameters().contains(null)) {
        throw new io.inmo.domain.shared.InvalidValueException(
            "conversation.invalid_template", "los parámetros de la plantilla no pueden ser null");
      }
      return MessageResponse.of(
          conversations.replyWithTemplate(
              actor(security),
              broker(brokerId),
              lead(id),
              new StaffConversationsUseCase.TemplateMessage(
                  t.name(), t.language(), t.parameters())));
    }
    return MessageResponse.of(
        conversations.reply(actor(security), broker(brokerId), lead(id), request.text()));
  }

  private static Actor actor(SecurityContext security) {
    return Callers.actor(security);
  }

  private static BrokerId broker(String value) {
    return Ids.brokerId(value);
  }

  private static LeadId lead(String value) {
    return Ids.pathId(value, LeadId::new, "lead.not_found", "El lead no existe.");
  }
}
