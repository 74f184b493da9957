package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Outbound port: the broker's part of a lead's conversation context (PRODUCT §7, ADR 0017) — the
 * agent's prompt config, the lead config (field priority, scoring) and the chat timing — read on
 * every message and every turn and changed rarely. Kept in Redis when configured, in-process
 * otherwise, and evicted on every node when any of those configs is written. Never holds channel
 * credentials. A cache that fails answers a miss: the caller reads PostgreSQL.
 */
public interface BrokerContextCachePort {

  Optional<BrokerContext> get(BrokerId broker);

  void put(BrokerContext context);

  void evict(BrokerId broker);

  /** What a turn needs of its broker. */
  record BrokerContext(
      BrokerId broker,
      BrokerPromptConfig prompt,
      BrokerLeadConfig leadConfig,
      Duration burstWindow,
      Duration takeoverIdle) {
    public BrokerContext {
      Objects.requireNonNull(broker, "broker");
      Objects.requireNonNull(prompt, "prompt");
      Objects.requireNonNull(leadConfig, "leadConfig");
      Objects.requireNonNull(burstWindow, "burstWindow");
      Objects.requireNonNull(takeoverIdle, "takeoverIdle");
    }

    public static BrokerContext of(
        BrokerPromptConfig prompt, BrokerLeadConfig leadConfig, BrokerChatConfig chat) {
      return new BrokerContext(
          prompt.brokerId(), prompt, leadConfig, chat.burstWindow(), chat.takeoverIdle());
    }
  }
}
