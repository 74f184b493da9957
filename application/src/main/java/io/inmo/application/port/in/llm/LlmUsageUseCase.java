package io.inmo.application.port.in.llm;

import io.inmo.application.security.Actor;
import io.inmo.domain.broker.BrokerId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Inbound port: what the AI costs a broker (PRODUCT §9, ADR 0018) — calls, failures, tokens and
 * estimated cost per day and per model, and per qualified lead. ADMIN of the broker, or SUPERADMIN
 * naming it; an AGENT is refused.
 */
public interface LlmUsageUseCase {
  int MAX_DAYS = 366;

  /**
   * Usage from {@code from} to {@code to}, both included, in the broker's time zone; without them
   * the last 30 days (today included).
   *
   * @throws io.inmo.domain.shared.InvalidValueException {@code llm.invalid_period} (400)
   */
  Usage usage(Actor actor, BrokerId brokerId, LocalDate from, LocalDate to);

  /**
   * Every broker's usage from {@code from} to {@code to} (UTC days, both included; the last 30 days
   * without them), most expensive first. SUPERADMIN only.
   */
  PlatformUsage platform(Actor actor, LocalDate from, LocalDate to);

  /**
   * @param costUsd null when some model has no price (then the total is not known)
   * @param costPerQualifiedLeadUsd null without qualified leads or without a cost
   * @param budget the broker's monthly budget and this month's estimated cost
   */
  record Usage(
      LocalDate from,
      LocalDate to,
      List<Day> days,
      List<ModelUsage> models,
      long calls,
      long failed,
      long tokensIn,
      long tokensOut,
      BigDecimal costUsd,
      long qualifiedLeads,
      BigDecimal costPerQualifiedLeadUsd,
      Budget budget) {
    public Usage {
      days = List.copyOf(days);
      models = List.copyOf(models);
    }
  }

  /**
   * This calendar month (the broker's time zone) against the budget.
   *
   * @param monthlyBudgetUsd null without a budget
   * @param spentUsd this month's estimated cost (models without a price count as free)
   * @param reached whether the broker is answered by the offline agent because of it
   * @param reachedAt when it was reached (null when not)
   */
  record Budget(
      BigDecimal monthlyBudgetUsd,
      java.time.YearMonth month,
      BigDecimal spentUsd,
      boolean reached,
      java.time.Instant reachedAt) {}

  /** The platform's cost view. */
  record PlatformUsage(
      LocalDate from,
      LocalDate to,
      List<BrokerCost> brokers,
      long calls,
      long failed,
      long tokensIn,
      long tokensOut,
      BigDecimal costUsd) {
    public PlatformUsage {
      brokers = List.copyOf(brokers);
    }
  }

  /** One broker's usage in the period; {@code costUsd} null when a model has no price. */
  record BrokerCost(
      java.util.UUID brokerId,
      String name,
      String slug,
      long calls,
      long failed,
      long tokensIn,
      long tokensOut,
      BigDecimal costUsd) {}

  record Day(
      LocalDate day, long calls, long failed, long tokensIn, long tokensOut, BigDecimal costUsd) {}

  record ModelUsage(
      String provider,
      String model,
      long calls,
      long failed,
      long tokensIn,
      long tokensOut,
      BigDecimal costUsd) {}
}
