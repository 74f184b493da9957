package io.inmo.domain.conversation;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** One message of a lead's conversation on any chat channel; root of the chat message aggregate. */
public final class ChatMessage {
  /** Longest message text accepted (characters); adapters truncate longer provider payloads. */
  public static final int MAX_TEXT_LENGTH = 4096 * 4;

  /** Text stored for inbound messages without text (stickers, photos, voice notes). */
  public static final String NO_TEXT_PLACEHOLDER = "[mensaje sin texto]";

  private static final int MAX_ERROR_LENGTH = 2000;

  private final ChatMessageId id;
  private final BrokerId brokerId;
  private final LeadId leadId;
  private final ChatProvider provider;
  private final String channelUserId;
  private final String text;
  private final MessageDirection direction;
  private final SenderType senderType;
  private final UserId sentBy;
  private String providerMessageId;
  private DeliveryStatus deliveryStatus;
  private String error;
  private final Instant createdAt;
  private Instant updatedAt;

  private ChatMessage(
      ChatMessageId id,
      BrokerId brokerId,
      LeadId leadId,
      ChatProvider provider,
      String channelUserId,
      String text,
      MessageDirection direction,
      SenderType senderType,
      UserId sentBy,
      String providerMessageId,
      DeliveryStatus deliveryStatus,
      String error,
      Instant createdAt,
      Instant updatedAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.brokerId = Objects.requireNonNull(brokerId, "brokerId");
    this.leadId = Objects.requireNonNull(leadId, "leadId");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.channelUserId = Objects.requireNonNull(channelUserId, "channelUserId");
    this.text = text;
    this.direction = Objects.requireNonNull(direction, "direction");
    this.senderType = Objects.requireNonNull(senderType, "senderType");
    this.sentBy = sentBy;
    this.providerMessageId = providerMessageId;
    this.deliveryStatus = Objects.requireNonNull(deliveryStatus, "deliveryStatus");
    this.error = error;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /**
   * A message the lead sent, status {@code RECEIVED}. Blank text (media) is stored as {@link
   * #NO_TEXT_PLACEHOLDER}; {@code providerMessageId} is null only where the channel has none.
   */
  public static ChatMessage inbound(
      BrokerId brokerId,
      LeadId leadId,
      ChatProvider provider,
      String channelUserId,
      String text,
      String providerMessageId,
      Instant now) {
    Objects.requireNonNull(now, "now");
    String body = text == null || text.isBlank() ? NO_TEXT_PLACEHOLDER : checkLength(text);
    return new ChatMessage(
        ChatMessageId.newId(),
        brokerId,
        leadId,
        provider,
        requireChannelUserId(channelUserId),
        body,
        MessageDirection.INBOUND,
        SenderType.LEAD,
        null,
        optionalProviderMessageId(providerMessageId),
        DeliveryStatus.RECEIVED,
        null,
        now,
        now);
  }

  /**
   * A message to the lead, status {@code QUEUED} until the provider accepts it. {@code sentBy} is
   * required for {@code STAFF} senders and must be null for {@code AI} and {@code SYSTEM}.
   */
  public static ChatMessage outbound(
      BrokerId brokerId,
      LeadId leadId,
      ChatProvider provider,
      String channelUserId,
      String text,
      SenderType senderType,
      UserId sentBy,
      Instant now) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(senderType, "senderType");
    if (!senderType.isOutbound()) {
      throw new IllegalArgumentException("an outbound message cannot be sent by the lead");
    }
    if ((senderType == SenderType.STAFF) != (sentBy != null)) {
      throw new IllegalArgumentException("sentBy is required for staff messages and only for them");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("outbound message text must not be blank");
    }
    return new ChatMessage(
        ChatMessageId.newId(),
        brokerId,
        leadId,
        provider,
        requireChannelUserId(channelUserId),
        checkLength(text),
        MessageDirection.OUTBOUND,
        senderType,
        sentBy,
        null,
        DeliveryStatus.QUEUED,
        null,
        now,
        now);
  }

  /** Rebuilds a stored message. Persistence adapters only: runs no rules. */
  public static ChatMessage reconstitute(
      ChatMessageId id,
      BrokerId brokerId,
      LeadId leadId,
      ChatProvider provider,
      String channelUserId,
      String text,
      MessageDirection direction,
      SenderType senderType,
      UserId sentBy,
      String providerMessageId,
      DeliveryStatus deliveryStatus,
      String error,
      Instant createdAt,
      Instant updatedAt) {
    return new ChatMessage(
        id,
        brokerId,
        leadId,
        provider,
        channelUserId,
        text,
        direction,
        senderType,
        sentBy,
        providerMessageId,
        deliveryStatus,
        error,
        createdAt,
        updatedAt);
  }

  /**
   * Records that the provider accepted the message under {@code providerMessageId}; the status
   * becomes {@code SENT} unless a delivery report already moved it further.
   *
   * @throws DomainException {@code conversation.not_outbound} for inbound messages, {@code
   *     conversation.provider_message_id_mismatch} when a different provider id is already set
   */
  public void markSent(String providerMessageId, Instant now) {
    Objects.requireNonNull(now, "now");
    requireOutbound();
    String pmid = optionalProviderMessageId(providerMessageId);
    if (pmid == null) {
      throw new IllegalArgumentException("provider message id must not be blank");
    }
    if (this.providerMessageId != null && !this.providerMessageId.equals(pmid)) {
      throw new DomainException(
          "conversation.provider_message_id_mismatch",
          "message " + id + " was already sent as " + this.providerMessageId);
    }
    boolean changed = this.providerMessageId == null;
    this.providerMessageId = pmid;
    if (deliveryStatus.canAdvanceTo(DeliveryStatus.SENT)) {
      deliveryStatus = DeliveryStatus.SENT;
      changed = true;
    }
    if (changed) {
      updatedAt = now;
    }
  }

  /**
   * Applies a provider delivery report. Statuses only move forward; a duplicate, late or
   * out-of-order report (e.g. delivered after read, anything after failed) is ignored.
   *
   * @return whether the status changed
   * @throws DomainException {@code conversation.not_outbound} for inbound messages
   */
  public boolean updateDelivery(DeliveryStatus status, Instant now) {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(now, "now");
    requireOutbound();
    if (status == DeliveryStatus.RECEIVED) {
      throw new IllegalArgumentException("received is not a delivery status of outbound messages");
    }
    if (!deliveryStatus.canAdvanceTo(status)) {
      return false;
    }
    deliveryStatus = status;
    updatedAt = now;
    return true;
  }

  /**
   * Records that sending failed with {@code error}; ignored when the message is already read or
   * failed.
   *
   * @return whether the status changed
   * @throws DomainException {@code conversation.not_outbound} for inbound messages
   */
  public boolean markFailed(String error, Instant now) {
    Objects.requireNonNull(now, "now");
    if (error == null || error.isBlank()) {
      throw new IllegalArgumentException("failure reason must not be blank");
    }
    requireOutbound();
    if (!deliveryStatus.canAdvanceTo(DeliveryStatus.FAILED)) {
      return false;
    }
    String trimmed = error.strip();
    this.error =
        trimmed.length() > MAX_ERROR_LENGTH ? trimmed.substring(0, MAX_ERROR_LENGTH) : trimmed;
    deliveryStatus = DeliveryStatus.FAILED;
    updatedAt = now;
    return true;
  }

  private void requireOutbound() {
    if (direction != MessageDirection.OUTBOUND) {
      throw new DomainException(
          "conversation.not_outbound", "message " + id + " is inbound and has no delivery state");
    }
  }

  private static String requireChannelUserId(String channelUserId) {
    if (channelUserId == null || channelUserId.isBlank()) {
      throw new IllegalArgumentException("channel user id must not be blank");
    }
    return channelUserId.strip();
  }

  private static String optionalProviderMessageId(String providerMessageId) {
    return providerMessageId == null || providerMessageId.isBlank()
        ? null
        : providerMessageId.strip();
  }

  private static String checkLength(String text) {
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "message text longer than " + MAX_TEXT_LENGTH + " characters: " + text.length());
    }
    return text;
  }

  public ChatMessageId id() {
    return id;
  }

  public BrokerId brokerId() {
    return brokerId;
  }

  public LeadId leadId() {
    return leadId;
  }

  public ChatProvider provider() {
    return provider;
  }

  public String channelUserId() {
    return channelUserId;
  }

  /** The message text; null only for stored rows that never had one. */
  public String text() {
    return text;
  }

  public MessageDirection direction() {
    return direction;
  }

  public SenderType senderType() {
    return senderType;
  }

  /** The staff user who wrote the message; null unless {@link #senderType()} is {@code STAFF}. */
  public UserId sentBy() {
    return sentBy;
  }

  /** The provider's id of the message; null for outbound messages not yet sent. */
  public String providerMessageId() {
    return providerMessageId;
  }

  public DeliveryStatus deliveryStatus() {
    return deliveryStatus;
  }

  /** Why sending failed; null unless the status is {@code FAILED}. */
  public String error() {
    return error;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChatMessage other && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "ChatMessage["
        + id
        + ", "
        + direction.apiValue()
        + ", "
        + deliveryStatus.apiValue()
        + "]";
  }
}
