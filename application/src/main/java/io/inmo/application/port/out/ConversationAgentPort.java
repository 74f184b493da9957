package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerLlmConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.LeadField;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadFacts;
import java.util.List;
import java.util.Objects;

/**
 * Outbound port: the conversation agent (PRODUCT §7, ADR 0005) — one call per turn proposes the
 * facts it read in the lead's new messages, their intent and a reply. It only proposes: the domain
 * validates the facts, recomputes the lead and checks the reply before anything is stored or sent.
 */
public interface ConversationAgentPort {

  AgentReply reply(AgentRequest request);

  /**
   * What the agent sees of a turn.
   *
   * @param prompt the broker's agent name, identity, business context and rules
   * @param lead the lead as stored, with its known facts
   * @param history the conversation's latest messages (at most 20), oldest first, including the new
   *     ones
   * @param newMessages the lead's messages this turn answers, oldest first
   * @param nextFields the missing facts to ask for next, by the broker's priority (at most four:
   *     the agent asks for at most two, skipping any the lead gives in this very turn)
   * @param route which agent the broker's settings and budget allow
   */
  record AgentRequest(
      BrokerPromptConfig prompt,
      Lead lead,
      List<ChatMessage> history,
      List<ChatMessage> newMessages,
      List<LeadField> nextFields,
      AgentRoute route) {
    public AgentRequest {
      Objects.requireNonNull(prompt, "prompt");
      Objects.requireNonNull(lead, "lead");
      history = List.copyOf(history);
      newMessages = List.copyOf(newMessages);
      nextFields = List.copyOf(nextFields);
      Objects.requireNonNull(route, "route");
    }

    /** A request answered by the server's chain. */
    public AgentRequest(
        BrokerPromptConfig prompt,
        Lead lead,
        List<ChatMessage> history,
        List<ChatMessage> newMessages,
        List<LeadField> nextFields) {
      this(prompt, lead, history, newMessages, nextFields, AgentRoute.SERVER_CHAIN);
    }
  }

  /**
   * Which agent answers a broker's turn (ADR 0018): decided by the application from the broker's
   * LLM settings and its month's cost; the adapter only follows it.
   *
   * @param settings the broker's own chain, or null for the server's ({@code INMO_LLM_*})
   * @param offlineOnly the built-in offline agent only: the broker chose it, or its monthly budget
   *     is reached
   */
  record AgentRoute(BrokerLlmConfig settings, boolean offlineOnly) {
    public static final AgentRoute SERVER_CHAIN = new AgentRoute(null, false);
    public static final AgentRoute OFFLINE = new AgentRoute(null, true);

    /** Whether the broker's own chain answers (not the server's, not the offline agent). */
    public boolean brokerChain() {
      return !offlineOnly && settings != null && !settings.chain().isEmpty();
    }
  }

  /**
   * What the agent proposes.
   *
   * @param name the lead's name if it gave one this turn, else null
   * @param phone a phone number as written, else null
   * @param email an e-mail address as written, else null
   * @param facts the other facts it read (empty when none)
   * @param intent what the messages are about
   * @param reply the text to send back; never blank
   */
  record AgentReply(
      String name, String phone, String email, LeadFacts facts, Intent intent, String reply) {
    public AgentReply {
      Objects.requireNonNull(facts, "facts");
      Objects.requireNonNull(intent, "intent");
      Objects.requireNonNull(reply, "reply");
      if (reply.isBlank()) {
        throw new IllegalArgumentException("an agent reply must not be blank");
      }
    }
  }
}
