package io.inmo.adapters.persistence.broker;

import java.util.List;

/** The JPA entity classes of the broker area (brokers and their config tables). */
public final class BrokerJpaEntities {
  public static final List<Class<?>> CLASSES =
      List.of(
          BrokerJpaEntity.class,
          BrokerPromptConfigJpaEntity.class,
          BrokerLeadConfigJpaEntity.class,
          BrokerVoiceConfigJpaEntity.class,
          BrokerChatConfigJpaEntity.class,
          BrokerLlmConfigJpaEntity.class);

  private BrokerJpaEntities() {}
}
