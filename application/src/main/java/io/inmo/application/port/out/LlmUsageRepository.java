package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Outbound port: reads the language-model call records of a broker (ADR 0018). */
public interface LlmUsageRepository {

  /**
   * The broker's calls in {@code [from, to)} grouped by day (in {@code zone}), provider and model,
   * by day then provider then model.
   */
  List<UsageRow> usage(BrokerId broker, Instant from, Instant to, ZoneId zone);

  /** How many of the broker's leads with a call in {@code [from, to)} are QUALIFIED now. */
  long qualifiedLeadsWithCalls(BrokerId broker, Instant from, Instant to);

  /**
   * Every broker's calls in {@code [from, to)} grouped by broker, provider and model (the
   * platform's cost view; SUPERADMIN only).
   */
  List<BrokerUsageRow> usageByBroker(Instant from, Instant to);

  /**
   * Records that the broker's budget was reached in {@code month} (its first day); true only for
   * the caller that recorded it first, so that exactly one node notifies.
   */
  boolean markBudgetReached(
      BrokerId broker, LocalDate month, BigDecimal budgetUsd, BigDecimal spentUsd, Instant at);

  /** When the broker's budget of {@code budgetUsd} was reached in {@code month}, if it was. */
  Optional<Instant> budgetReachedAt(BrokerId broker, LocalDate month, BigDecimal budgetUsd);

  /** One broker, provider and model: calls, failed calls and tokens. */
  record BrokerUsageRow(
      BrokerId broker,
      String provider,
      String model,
      long calls,
      long failed,
      long tokensIn,
      long tokensOut) {}

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
