package io.inmo.adapters.llm.offline;

import io.inmo.application.port.out.ConversationAgentPort;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.conversation.MessageDirection;
import io.inmo.domain.lead.Fact;
import io.inmo.domain.lead.LeadFacts;
import java.util.Set;
import java.util.function.Function;

/**
 * The offline conversation agent (PRODUCT §7, ADR 0016): deterministic Spanish rules, no network,
 * no API key. It reads the facts and intent of the lead's new messages with {@link
 * SpanishFactExtractor} (later messages correct earlier ones) and writes the reply with {@link
 * ReplyPlanner}. The embedded default and the last link of every provider chain; thread-safe.
 */
public final class OfflineConversationAgent implements ConversationAgentPort {
  private final SpanishFactExtractor extractor;
  private final ReplyPlanner planner;

  public OfflineConversationAgent() {
    this(SlotOffer.NONE);
  }

  /** An agent that offers visit slots from {@code slots} when the broker enables booking. */
  public OfflineConversationAgent(SlotOffer slots) {
    this.extractor = new SpanishFactExtractor();
    this.planner = new ReplyPlanner(slots);
  }

  @Override
  public AgentReply reply(AgentRequest request) {
    Set<LeadField> asked = AskedFields.from(request.history());
    Extraction turn = null;
    LeadFacts.Builder facts = LeadFacts.builder();
    for (ChatMessage message : request.newMessages()) {
      if (message.direction() != MessageDirection.INBOUND
          || ChatMessage.NO_TEXT_PLACEHOLDER.equals(message.text())) {
        continue;
      }
      Extraction e = extractor.extract(message.text(), asked);
      turn = turn == null ? e : turn.then(e);
      String source = message.id().value().toString();
      set(e.location(), source, facts::location);
      set(e.operation(), source, facts::operation);
      set(e.propertyType(), source, facts::propertyType);
      set(e.bedrooms(), source, facts::bedrooms);
      set(e.bathrooms(), source, facts::bathrooms);
      set(e.parking(), source, facts::parking);
      set(e.budget(), source, facts::budget);
      set(e.monthlyIncome(), source, facts::monthlyIncome);
      set(e.dicomStatus(), source, facts::dicomStatus);
      set(e.debtAmount(), source, facts::debtAmount);
      set(e.timeline(), source, facts::timeline);
      set(e.financing(), source, facts::financing);
    }
    if (turn == null) {
      turn = Extraction.nothing(Intent.OTHER);
    }
    return new AgentReply(
        turn.name(),
        turn.phone(),
        turn.email(),
        facts.build(),
        turn.intent(),
        planner.plan(request, turn));
  }

  private static <T> void set(T value, String source, Function<Fact<T>, LeadFacts.Builder> setter) {
    if (value != null) {
      setter.apply(Fact.of(value, source));
    }
  }

  @Override
  public String toString() {
    return "OfflineConversationAgent";
  }
}
