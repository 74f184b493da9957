package io.inmo.adapters.chat.whatsapp;

import io.inmo.application.port.in.chat.ChatChannelsUseCase;
import io.inmo.application.port.in.chat.ChatChannelsUseCase.Channel;
import io.inmo.application.port.in.chat.ConversationUseCase;
import io.inmo.application.port.in.chat.DeliveryReport;
import io.inmo.application.port.in.chat.InboundChatMessage;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.application.security.TooManyRequestsException;
import io.inmo.application.security.UnauthenticatedException;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.Secret;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WhatsApp Cloud API webhook of a broker (INTEGRATIONS.md §2): the GET verification handshake and
 * the POST notifications, verified by {@code X-Hub-Signature-256} over the exact bytes received.
 * Every message of a batch is stored and scheduled; delivery statuses update the messages we sent.
 * Meta redelivers anything not answered 200, so a message refused by the flood limit is dropped
 * here rather than sent back for a retry storm.
 */
@Path(WhatsAppWebhookResource.PATH)
@PermitAll
public class WhatsAppWebhookResource {
  /** Where the provider delivers a broker's updates; {@code {slug}} is the broker's slug. */
  public static final String PATH = "/webhooks/whatsapp/{slug}";

  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebhookResource.class);

  private final ChatChannelsUseCase channels;
  private final ConversationUseCase conversations;

  @Inject
  public WhatsAppWebhookResource(ChatChannelsUseCase channels, ConversationUseCase conversations) {
    this.channels = channels;
    this.conversations = conversations;
  }

  /**
   * Echoes the challenge as plain text, whatever the caller accepts (Meta sends {@code *}/{@code
   * *}).
   */
  @GET
  public Response verify(
      @PathParam("slug") String slug,
      @QueryParam("hub.mode") String mode,
      @QueryParam("hub.verify_token") String token,
      @QueryParam("hub.challenge") String challenge) {
    Channel channel = channels.channel(slug, ChatProvider.WHATSAPP);
    Secret expected = channel.credentials().get("whatsapp.verify_token");
    if (expected == null) {
      throw new PermissionDeniedException(
          "whatsapp.not_configured", "el canal de WhatsApp no tiene verifyToken configurado");
    }
    String echoed =
        WhatsAppWebhook.verifyHandshake(mode, token, challenge, expected)
            .orElseThrow(
                () ->
                    new PermissionDeniedException(
                        "whatsapp.verification_failed", "el token de verificación no coincide"));
    return Response.ok(echoed, MediaType.TEXT_PLAIN_TYPE).build();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response receive(
      @PathParam("slug") String slug,
      @HeaderParam("X-Hub-Signature-256") String signature,
      byte[] body) {
    Channel channel = channels.channel(slug, ChatProvider.WHATSAPP);
    Secret appSecret = channel.credentials().get("whatsapp.app_secret");
    if (appSecret == null || !WhatsAppWebhook.signatureValid(body, signature, appSecret)) {
      throw new UnauthenticatedException(
          "whatsapp.bad_signature", "la firma X-Hub-Signature-256 no es válida");
    }
    java.util.List<WhatsAppWebhook.Notification> notifications;
    try {
      notifications = WhatsAppWebhook.parse(body);
    } catch (MalformedWebhookException e) {
      throw new InvalidValueException("whatsapp.malformed", e.getMessage());
    }
    Secret ours = channel.credentials().get(WhatsAppSender.PHONE_NUMBER_ID);
    int stored = 0;
    for (WhatsAppWebhook.Notification notification : notifications) {
      if (ours != null && !ours.reveal().equals(notification.phoneNumberId())) {
        LOG.warn(
            "whatsapp webhook for another business number ignored (broker {})",
            channel.brokerId().value());
        continue;
      }
      for (InboundChatMessage message : notification.messages()) {
        try {
          if (!conversations.receive(channel.brokerId(), message).duplicate()) {
            stored++;
          }
        } catch (TooManyRequestsException flood) {
          LOG.warn(
              "whatsapp message dropped by the flood limit (broker {})",
              channel.brokerId().value());
        }
      }
      for (DeliveryReport report : notification.statuses()) {
        conversations.report(channel.brokerId(), report);
      }
    }
    return Response.ok(java.util.Map.of("stored", stored)).build();
  }
}
