package io.inmo.adapters.llm.provider;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import java.time.Duration;

/**
 * Told about every provider call (issue 7's accounting will store these): provider, model, tokens,
 * latency and outcome. Never receives prompt or answer text. Must not throw.
 */
@FunctionalInterface
public interface ProviderCallListener {
  ProviderCallListener NONE = call -> {};

  void onCall(ProviderCall call);

  /**
   * One HTTP round trip to a provider.
   *
   * @param broker whose turn or transcript it was
   * @param lead the lead concerned, null when none
   * @param attempt 1 for the first request of a call, 2 for the repair request
   * @param tokensIn null when the provider did not report usage
   * @param tokensOut null when the provider did not report usage
   * @param outcome {@code ok}, or an {@link AgentUnavailableException.Reason#apiValue()}
   */
  record ProviderCall(
      BrokerId broker,
      LeadId lead,
      String provider,
      String model,
      String purpose,
      int attempt,
      Integer tokensIn,
      Integer tokensOut,
      Duration latency,
      String outcome) {}
}
