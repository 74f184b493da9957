package io.inmo.adapters.llm.provider;

import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.call.TranscriptLine;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.lead.LeadFacts;
import java.util.List;
import java.util.Objects;

/**
 * One-shot analysis of a finished call's transcript: the facts the lead gave, what they wanted and
 * a summary for staff. A candidate outbound port for the voice issue (today it lives in
 * adapters-llm; see ADR 0018).
 */
public interface TranscriptAnalyzer {

  /**
   * @throws AgentUnavailableException when the provider fails or its output stays unusable
   */
  TranscriptAnalysis analyze(TranscriptRequest request);

  /**
   * @param sourceId the id facts are attributed to (the call's id); null when there is none
   * @param lines the transcript, in order; at least one line
   */
  record TranscriptRequest(BrokerPromptConfig prompt, String sourceId, List<TranscriptLine> lines) {
    public TranscriptRequest {
      Objects.requireNonNull(prompt, "prompt");
      lines = List.copyOf(lines);
      if (lines.isEmpty()) {
        throw new IllegalArgumentException("a transcript needs at least one line");
      }
    }
  }

  /**
   * @param name the lead's name if said, else null
   * @param phone as said, else null
   * @param email as said, else null
   * @param summary for staff; never blank, no sensitive values by instruction
   */
  record TranscriptAnalysis(
      String name, String phone, String email, LeadFacts facts, Intent intent, String summary) {
    public TranscriptAnalysis {
      Objects.requireNonNull(facts, "facts");
      Objects.requireNonNull(intent, "intent");
      Objects.requireNonNull(summary, "summary");
      if (summary.isBlank()) {
        throw new IllegalArgumentException("a summary must not be blank");
      }
    }
  }
}
