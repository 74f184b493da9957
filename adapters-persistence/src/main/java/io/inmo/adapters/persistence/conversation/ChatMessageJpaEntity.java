package io.inmo.adapters.persistence.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** JPA model of the {@code chat_messages} table (no version column: last writer wins). */
@Entity
@Table(name = "chat_messages")
class ChatMessageJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  @Column(name = "lead_id", nullable = false)
  UUID leadId;

  @Column(nullable = false)
  String provider;

  @Column(name = "channel_user_id", nullable = false)
  String channelUserId;

  @Column(name = "message_text")
  String text;

  @Column(nullable = false)
  String direction;

  @Column(name = "sender_type", nullable = false)
  String senderType;

  @Column(name = "sent_by")
  UUID sentBy;

  @Column(name = "provider_message_id")
  String providerMessageId;

  @Column(name = "delivery_status", nullable = false)
  String deliveryStatus;

  String error;

  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  /** When a turn handled this inbound message (ADR 0015); written by the repository only. */
  @Column(name = "handled_at", insertable = false, updatable = false)
  Instant handledAt;
}
