package io.inmo.adapters.persistence.campaign;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.AgentType;
import io.inmo.domain.campaign.MessageTemplate;
import io.inmo.domain.campaign.MessageTemplateId;
import io.inmo.domain.campaign.TemplateChannel;
import java.util.ArrayList;
import java.util.List;

/** Maps message templates between the domain and {@link MessageTemplateJpaEntity}. */
final class MessageTemplateJpaMapper {
  private MessageTemplateJpaMapper() {}

  static MessageTemplate toDomain(MessageTemplateJpaEntity e) {
    return MessageTemplate.reconstitute(
        new MessageTemplateId(e.id),
        new BrokerId(e.brokerId),
        e.name,
        TemplateChannel.fromApiValue(e.channel),
        e.content,
        AgentType.fromApiValue(e.agentType),
        e.variables == null ? List.of() : e.variables,
        e.createdAt,
        e.updatedAt,
        e.version);
  }

  /** Copies every column except the version, which JPA manages. */
  static void copy(MessageTemplate t, MessageTemplateJpaEntity e) {
    e.id = t.id().value();
    e.brokerId = t.brokerId().value();
    e.name = t.name();
    e.channel = t.channel().apiValue();
    e.content = t.content();
    e.agentType = t.agentType().apiValue();
    e.variables = new ArrayList<>(t.variables());
    e.createdAt = t.createdAt();
    e.updatedAt = t.updatedAt();
  }
}
