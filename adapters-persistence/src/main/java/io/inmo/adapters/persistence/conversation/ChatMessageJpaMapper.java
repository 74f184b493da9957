package io.inmo.adapters.persistence.conversation;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatMessageId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.DeliveryStatus;
import io.inmo.domain.conversation.MessageDirection;
import io.inmo.domain.conversation.SenderType;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;

/** Maps chat messages between the domain and {@link ChatMessageJpaEntity}. */
final class ChatMessageJpaMapper {
  private ChatMessageJpaMapper() {}

  static ChatMessage toDomain(ChatMessageJpaEntity e) {
    return ChatMessage.reconstitute(
        new ChatMessageId(e.id),
        new BrokerId(e.brokerId),
        new LeadId(e.leadId),
        ChatProvider.fromApiValue(e.provider),
        e.channelUserId,
        e.text,
        MessageDirection.fromApiValue(e.direction),
        SenderType.fromApiValue(e.senderType),
        e.sentBy == null ? null : new UserId(e.sentBy),
        e.providerMessageId,
        DeliveryStatus.fromApiValue(e.deliveryStatus),
        e.error,
        e.createdAt,
        e.updatedAt);
  }

  static void copy(ChatMessage m, ChatMessageJpaEntity e) {
    e.id = m.id().value();
    e.brokerId = m.brokerId().value();
    e.leadId = m.leadId().value();
    e.provider = m.provider().apiValue();
    e.channelUserId = m.channelUserId();
    e.text = m.text();
    e.direction = m.direction().apiValue();
    e.senderType = m.senderType().apiValue();
    e.sentBy = m.sentBy() == null ? null : m.sentBy().value();
    e.providerMessageId = m.providerMessageId();
    e.deliveryStatus = m.deliveryStatus().apiValue();
    e.error = m.error();
    e.createdAt = m.createdAt();
    e.updatedAt = m.updatedAt();
  }
}
