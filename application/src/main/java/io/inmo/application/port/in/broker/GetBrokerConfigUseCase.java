package io.inmo.application.port.in.broker;

import io.inmo.application.security.Actor;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerLlmConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.BrokerVoiceConfig;

/**
 * Inbound port: read a broker's configs. ADMIN and SUPERADMIN read all four; an AGENT reads the
 * prompt and lead configs but not those holding credentials (chat, voice: 403). Callers must print
 * credentials only masked. {@code target} null means own broker.
 */
public interface GetBrokerConfigUseCase {

  BrokerPromptConfig prompt(Actor actor, BrokerId target);

  BrokerLeadConfig lead(Actor actor, BrokerId target);

  BrokerChatConfig chat(Actor actor, BrokerId target);

  BrokerVoiceConfig voice(Actor actor, BrokerId target);

  /** The broker's LLM settings (ADMIN, SUPERADMIN); the defaults until first saved. */
  BrokerLlmConfig llm(Actor actor, BrokerId target);
}
