package io.inmo.adapters.llm.offline;

import io.inmo.application.port.out.ConversationAgentPort.AgentRequest;
import java.util.Optional;

/**
 * Hook for offering visit slots when the broker enables appointment booking: the appointments issue
 * plugs in a source of free slots; until then {@link #NONE} offers nothing and the agent says a
 * person will coordinate the visit (it never makes slots up).
 */
@FunctionalInterface
public interface SlotOffer {
  /** Offers nothing. */
  SlotOffer NONE = request -> Optional.empty();

  /**
   * One or two sentences offering free slots to the lead of {@code request}, or empty when there
   * are none to offer. The text goes through the same reply rules as the rest of the reply.
   */
  Optional<String> offer(AgentRequest request);
}
