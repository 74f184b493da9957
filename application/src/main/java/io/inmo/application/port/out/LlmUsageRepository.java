package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Outbound port: reads the language-model call records of a broker (ADR 0018). */
public interface LlmUsageRepository {

  /**
   * The broker's calls in {@code [from, to)} grouped by day (in {@code zone}), provider and model,
   * by day then provider then model.
   */
  List<UsageRow> usage(BrokerId broker, Instant from, Instant to, ZoneId zone);

  /** How many of the broker's leads with a call in {@code [from, to)} are QUALIFIED now. */
  long qualifiedLeadsWithCalls(BrokerId broker, Instant from, Instant to);

  /** One day, provider and model: calls, failed calls and tokens. */
  record UsageRow(
      LocalDate day,
      String provider,
      String model,
      long calls,
      long failed,
      long tokensIn,
      long tokensOut) {}
}
