package io.inmo.adapters.llm.offline;

import io.inmo.application.port.out.ConversationAgentPort.AgentRequest;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.SenderType;
import io.inmo.domain.lead.Lead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds agent requests from real domain objects for the offline agent's tests. */
final class Turns {
  static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

  final BrokerId broker = BrokerId.newId();
  final Lead lead = Lead.capture(broker, NOW);
  BrokerPromptConfig prompt = BrokerPromptConfig.defaults(broker, NOW);
  final List<ChatMessage> history = new ArrayList<>();

  Turns withoutBooking() {
    prompt =
        prompt.withSettings(
            "Sofía", null, null, null, BrokerPromptConfig.DEFAULT_LANGUAGE, false, NOW);
    return this;
  }

  Turns agentName(String name) {
    prompt =
        prompt.withSettings(name, null, null, null, BrokerPromptConfig.DEFAULT_LANGUAGE, true, NOW);
    return this;
  }

  ChatMessage inbound(String text) {
    ChatMessage m =
        ChatMessage.inbound(
            broker,
            lead.id(),
            ChatProvider.WHATSAPP,
            "56912345678",
            text,
            "wamid-" + history.size(),
            NOW);
    history.add(m);
    return m;
  }

  ChatMessage outbound(String text) {
    ChatMessage m =
        ChatMessage.outbound(
            broker,
            lead.id(),
            ChatProvider.WHATSAPP,
            "56912345678",
            text,
            SenderType.AI,
            null,
            NOW);
    history.add(m);
    return m;
  }

  /** A request answering the given new inbound messages (added to the history). */
  AgentRequest request(List<LeadField> nextFields, String... texts) {
    List<ChatMessage> fresh = new ArrayList<>();
    for (String t : texts) {
      fresh.add(inbound(t));
    }
    return new AgentRequest(prompt, lead, List.copyOf(history), fresh, nextFields);
  }
}
