package io.inmo.application.port.in.chat;

import io.inmo.domain.conversation.ChatProvider;
import java.time.Instant;
import java.util.Objects;

/**
 * One message a lead sent us, as a channel adapter read it from the provider's webhook, before
 * anything is stored.
 *
 * @param provider the channel
 * @param channelUserId who wrote: Telegram chat id, WhatsApp number (wa_id), web chat session id
 * @param providerMessageId the provider's id of this message, unique per broker and channel (a
 *     redelivery carries the same one): Telegram {@code update_id}, WhatsApp {@code wamid…}
 * @param text what the lead wrote; for media without caption a placeholder such as {@code [imagen]}
 * @param senderName the name the channel shows for the sender (Telegram first/last name, WhatsApp
 *     profile name); null when unknown
 * @param sentAt when the provider says the lead sent it
 * @param media whether the message carried media (image, audio, document…)
 */
public record InboundChatMessage(
    ChatProvider provider,
    String channelUserId,
    String providerMessageId,
    String text,
    String senderName,
    Instant sentAt,
    boolean media) {
  public InboundChatMessage {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(channelUserId, "channelUserId");
    Objects.requireNonNull(providerMessageId, "providerMessageId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(sentAt, "sentAt");
  }

  @Override
  public String toString() {
    // what leads write is personal data: never in logs
    return "InboundChatMessage["
        + provider.apiValue()
        + ", id="
        + providerMessageId
        + ", "
        + text.length()
        + " chars]";
  }
}
