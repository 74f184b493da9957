package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerLlmConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.BrokerVoiceConfig;
import java.util.Optional;

/**
 * Outbound port: stores and loads a broker's configs (one row each per broker; the LLM config only
 * once it was saved); credentials are encrypted by the adapter.
 */
public interface BrokerConfigRepository {

  Optional<BrokerPromptConfig> findPromptConfig(BrokerId brokerId);

  Optional<BrokerLeadConfig> findLeadConfig(BrokerId brokerId);

  Optional<BrokerVoiceConfig> findVoiceConfig(BrokerId brokerId);

  Optional<BrokerChatConfig> findChatConfig(BrokerId brokerId);

  /** The broker's language-model settings; empty until first saved (= the server's chain). */
  Optional<BrokerLlmConfig> findLlmConfig(BrokerId brokerId);

  /** Inserts or updates the broker's LLM config; a stale version fails. */
  void save(BrokerLlmConfig config);

  /** Inserts or updates the broker's prompt config; a stale version fails. */
  void save(BrokerPromptConfig config);

  /** Inserts or updates the broker's lead config; a stale version fails. */
  void save(BrokerLeadConfig config);

  /** Inserts or updates the broker's voice config; a stale version fails. */
  void save(BrokerVoiceConfig config);

  /** Inserts or updates the broker's chat config; a stale version fails. */
  void save(BrokerChatConfig config);
}
