package io.inmo.application.port.in.chat;

import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.DeliveryStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A provider's report on a message we sent (WhatsApp status webhooks): it reached the phone, was
 * read, or failed, with the provider's error.
 *
 * @param providerMessageId the id the provider gave the message when we sent it
 * @param status {@code SENT}, {@code DELIVERED}, {@code READ} or {@code FAILED}
 * @param errorCode the provider's error code when failed (e.g. {@code 131047}); null otherwise
 * @param errorDetail the provider's error title/details when failed; null otherwise
 */
public record DeliveryReport(
    ChatProvider provider,
    String providerMessageId,
    DeliveryStatus status,
    String errorCode,
    String errorDetail,
    Instant at) {
  public DeliveryReport {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(providerMessageId, "providerMessageId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    if (status == DeliveryStatus.RECEIVED || status == DeliveryStatus.QUEUED) {
      throw new IllegalArgumentException("a delivery report is sent, delivered, read or failed");
    }
  }
}
