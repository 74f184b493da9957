package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Outbound port: the record of every call to a language-model provider (PRODUCT §9, ADR 0018) — who
 * it was for, which provider and model, tokens, latency and outcome; never prompt or answer text.
 * Recording must not fail a turn: an implementation logs and drops what it cannot store.
 */
public interface LlmCallLogPort {

  void record(LlmCall call);

  /**
   * One HTTP round trip to a provider.
   *
   * @param lead null when the call was not about one lead
   * @param purpose what was asked, e.g. {@code turno_agente} or {@code analisis_llamada}
   * @param attempt 1, or 2 for the one repair request
   * @param tokensIn null when the provider did not report usage
   * @param tokensOut null when the provider did not report usage
   * @param outcome {@code ok} or the failure ({@code timeout}, {@code rate_limited}, {@code
   *     server_error}, {@code invalid_output}, …)
   */
  record LlmCall(
      BrokerId broker,
      LeadId lead,
      String provider,
      String model,
      String purpose,
      int attempt,
      Integer tokensIn,
      Integer tokensOut,
      Duration latency,
      String outcome,
      Instant at) {
    public LlmCall {
      Objects.requireNonNull(broker, "broker");
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(latency, "latency");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(at, "at");
    }
  }
}
