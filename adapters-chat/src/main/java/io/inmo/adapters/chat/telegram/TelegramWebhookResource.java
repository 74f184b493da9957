package io.inmo.adapters.chat.telegram;

import io.inmo.application.port.in.chat.ChatChannelsUseCase;
import io.inmo.application.port.in.chat.ChatChannelsUseCase.Channel;
import io.inmo.application.port.in.chat.ConversationUseCase;
import io.inmo.application.port.in.chat.InboundChatMessage;
import io.inmo.application.security.TooManyRequestsException;
import io.inmo.application.security.UnauthenticatedException;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.Secret;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker's Telegram bot webhook (INTEGRATIONS.md §1): Telegram posts each update with the secret
 * given to {@code setWebhook} in {@code X-Telegram-Bot-Api-Secret-Token}. The message is stored and
 * its turn scheduled before answering 200; Telegram redelivers anything else, so a message refused
 * by the flood limit is dropped here.
 */
@Path(TelegramWebhookResource.PATH)
@PermitAll
public class TelegramWebhookResource {
  /** Where the provider delivers a broker's updates; {@code {slug}} is the broker's slug. */
  public static final String PATH = "/webhooks/telegram/{slug}";

  private static final Logger LOG = LoggerFactory.getLogger(TelegramWebhookResource.class);

  private final ChatChannelsUseCase channels;
  private final ConversationUseCase conversations;

  @Inject
  public TelegramWebhookResource(ChatChannelsUseCase channels, ConversationUseCase conversations) {
    this.channels = channels;
    this.conversations = conversations;
  }

  /** What became of an update. */
  public record UpdateResult(String result) {}

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public UpdateResult receive(
      @PathParam("slug") String slug,
      @HeaderParam(TelegramWebhookSecret.HEADER) String secret,
      byte[] body) {
    Channel channel = channels.channel(slug, ChatProvider.TELEGRAM);
    Secret expected = channel.credentials().get("telegram.webhook_secret");
    if (expected == null || !TelegramWebhookSecret.matches(expected.reveal(), secret)) {
      throw new UnauthenticatedException(
          "telegram.bad_secret", "el encabezado " + TelegramWebhookSecret.HEADER + " no coincide");
    }
    Optional<InboundChatMessage> message;
    try {
      message = TelegramUpdates.parse(body);
    } catch (MalformedUpdateException e) {
      throw new InvalidValueException("telegram.malformed", e.getMessage());
    }
    if (message.isEmpty()) {
      return new UpdateResult("ignored");
    }
    try {
      return new UpdateResult(
          conversations.receive(channel.brokerId(), message.get()).duplicate()
              ? "duplicate"
              : "stored");
    } catch (TooManyRequestsException flood) {
      LOG.warn(
          "telegram message dropped by the flood limit (broker {})", channel.brokerId().value());
      return new UpdateResult("dropped");
    }
  }
}
