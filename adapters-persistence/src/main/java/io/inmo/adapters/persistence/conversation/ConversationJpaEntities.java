package io.inmo.adapters.persistence.conversation;

import java.util.List;

/** The JPA entity classes of the conversation area. */
public final class ConversationJpaEntities {
  public static final List<Class<?>> CLASSES =
      List.of(ChatMessageJpaEntity.class, ConversationJpaEntity.class);

  private ConversationJpaEntities() {}
}
