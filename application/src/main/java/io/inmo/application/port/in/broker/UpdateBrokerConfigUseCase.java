package io.inmo.application.port.in.broker;

import io.inmo.application.port.in.broker.BrokerCommands.ChatSettings;
import io.inmo.application.port.in.broker.BrokerCommands.LeadSettings;
import io.inmo.application.port.in.broker.BrokerCommands.LlmSettings;
import io.inmo.application.port.in.broker.BrokerCommands.PromptSettings;
import io.inmo.application.port.in.broker.BrokerCommands.VoiceSettings;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerLlmConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.BrokerVoiceConfig;

/**
 * Inbound port: replace one of a broker's four configs. ADMIN of the broker or SUPERADMIN; invalid
 * values answer 400 with a {@code broker.invalid_*} code; audited as {@code broker_config.update}
 * (summaries name credential keys, never values).
 */
public interface UpdateBrokerConfigUseCase {

  BrokerPromptConfig replacePrompt(
      Actor actor, BrokerId target, PromptSettings settings, Origin origin);

  BrokerLeadConfig replaceLead(Actor actor, BrokerId target, LeadSettings settings, Origin origin);

  BrokerChatConfig replaceChat(Actor actor, BrokerId target, ChatSettings settings, Origin origin);

  BrokerVoiceConfig replaceVoice(
      Actor actor, BrokerId target, VoiceSettings settings, Origin origin);

  BrokerLlmConfig replaceLlm(Actor actor, BrokerId target, LlmSettings settings, Origin origin);
}
