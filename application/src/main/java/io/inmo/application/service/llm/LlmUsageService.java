package io.inmo.application.service.llm;

import io.inmo.application.port.in.llm.LlmUsageUseCase;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.LlmUsageRepository;
import io.inmo.application.port.out.LlmUsageRepository.UsageRow;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.security.Actor;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.application.service.BrokerScopes;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The AI's cost for a broker, from the call records and a price table (ADR 0018). A model without a
 * price makes the affected totals unknown (null), never zero. Cost per qualified lead = the
 * period's cost over the leads that had a call in the period and are QUALIFIED now.
 */
public final class LlmUsageService implements LlmUsageUseCase {
  private final LlmUsageRepository usage;
  private final BrokerRepository brokers;
  private final LlmPrices prices;
  private final UnitOfWorkPort unitOfWork;
  private final java.time.Clock clock;
  private final LlmBudgets budgets;

  /** The period when none is given: the last 30 days, today included. */
  static final int DEFAULT_DAYS = 30;

  public LlmUsageService(
      LlmUsageRepository usage,
      BrokerRepository brokers,
      LlmPrices prices,
      UnitOfWorkPort unitOfWork,
      java.time.Clock clock,
      LlmBudgets budgets) {
    this.budgets = Objects.requireNonNull(budgets, "budgets");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.usage = Objects.requireNonNull(usage, "usage");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.prices = Objects.requireNonNull(prices, "prices");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public Usage usage(Actor actor, BrokerId brokerId, LocalDate from, LocalDate to) {
    Objects.requireNonNull(actor, "actor");
    if (!actor.isSuperadmin() && !actor.isAdmin()) {
      throw new PermissionDeniedException("Solo un administrador ve los costos de la IA.");
    }
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker =
              BrokerScopes.target(
                  actor,
                  brokerId,
                  brokers,
                  "llm.broker_required",
                  "Indica la corredora (brokerId) cuyos costos consultas.");
          ZoneId zone =
              brokers.findById(broker).map(Broker::timezone).orElse(Broker.DEFAULT_TIMEZONE);
          LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone));
          LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
          period(first, last);
          Instant start = first.atStartOfDay(zone).toInstant();
          Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
          List<UsageRow> rows = usage.usage(broker, start, end, zone);
          long qualified = usage.qualifiedLeadsWithCalls(broker, start, end);
          LlmBudgets.Status status = budgets.status(broker);
          return report(
              prices,
              first,
              last,
              rows,
              qualified,
              new Budget(
                  status.monthlyBudgetUsd(),
                  status.month(),
                  status.spentUsd(),
                  status.reached(),
                  status.reachedAt()));
        });
  }

  @Override
  public PlatformUsage platform(Actor actor, LocalDate from, LocalDate to) {
    Objects.requireNonNull(actor, "actor");
    if (!actor.isSuperadmin()) {
      throw new PermissionDeniedException(
          "Solo la administración de la plataforma ve los costos de todas las corredoras.");
    }
    LocalDate last = to != null ? to : LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
    LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
    period(first, last);
    Instant start = first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    Instant end = last.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    return unitOfWork.inTransaction(
        () -> {
          Map<BrokerId, Sum> sums = new LinkedHashMap<>();
          Sum total = new Sum();
          for (LlmUsageRepository.BrokerUsageRow row : usage.usageByBroker(start, end)) {
            UsageRow asRow =
                new UsageRow(
                    first,
                    row.provider(),
                    row.model(),
                    row.calls(),
                    row.failed(),
                    row.tokensIn(),
                    row.tokensOut());
            Optional<BigDecimal> cost =
                prices.cost(row.provider(), row.model(), row.tokensIn(), row.tokensOut());
            sums.computeIfAbsent(row.broker(), b -> new Sum()).add(asRow, cost);
            total.add(asRow, cost);
          }
          List<BrokerCost> list = new ArrayList<>();
          sums.forEach(
              (id, sum) -> {
                Optional<Broker> broker = brokers.findById(id);
                list.add(
                    new BrokerCost(
                        id.value(),
                        broker.map(Broker::name).orElse(null),
                        broker.map(b -> b.slug().value()).orElse(null),
                        sum.calls,
                        sum.failed,
                        sum.in,
                        sum.out,
                        sum.cost()));
              });
          list.sort(
              java.util.Comparator.comparing(
                      (BrokerCost c) -> c.costUsd() == null ? BigDecimal.ZERO : c.costUsd())
                  .thenComparingLong(BrokerCost::calls)
                  .reversed());
          return new PlatformUsage(
              first, last, list, total.calls, total.failed, total.in, total.out, total.cost());
        });
  }

  private static void period(LocalDate first, LocalDate last) {
    if (last.isBefore(first)) {
      throw new InvalidValueException(
          "llm.invalid_period", "from no puede ser posterior a to (AAAA-MM-DD).");
    }
    if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
      throw new InvalidValueException(
          "llm.invalid_period", "El período admite a lo más " + MAX_DAYS + " días.");
    }
  }

  static Usage report(
      LlmPrices prices,
      LocalDate from,
      LocalDate to,
      List<UsageRow> rows,
      long qualified,
      Budget budget) {
    Map<LocalDate, Sum> days = new LinkedHashMap<>();
    Map<String, Sum> models = new LinkedHashMap<>();
    Sum total = new Sum();
    for (UsageRow row : rows) {
      Optional<BigDecimal> cost =
          prices.cost(row.provider(), row.model(), row.tokensIn(), row.tokensOut());
      days.computeIfAbsent(row.day(), d -> new Sum()).add(row, cost);
      models.computeIfAbsent(row.provider() + ":" + row.model(), m -> new Sum()).add(row, cost);
      total.add(row, cost);
    }
    List<Day> dayList = new ArrayList<>();
    days.forEach((day, s) -> dayList.add(new Day(day, s.calls, s.failed, s.in, s.out, s.cost())));
    List<ModelUsage> modelList = new ArrayList<>();
    models.forEach(
        (key, s) -> {
          String[] pm = key.split(":", 2);
          modelList.add(new ModelUsage(pm[0], pm[1], s.calls, s.failed, s.in, s.out, s.cost()));
        });
    BigDecimal cost = total.cost();
    BigDecimal perQualified =
        cost == null || qualified == 0
            ? null
            : cost.divide(BigDecimal.valueOf(qualified), 6, RoundingMode.HALF_UP);
    return new Usage(
        from,
        to,
        dayList,
        modelList,
        total.calls,
        total.failed,
        total.in,
        total.out,
        cost,
        qualified,
        perQualified,
        budget);
  }

  private static final class Sum {
    long calls;
    long failed;
    long in;
    long out;
    BigDecimal cost = BigDecimal.ZERO.setScale(6);
    boolean unknown;

    void add(UsageRow row, Optional<BigDecimal> rowCost) {
      calls += row.calls();
      failed += row.failed();
      in += row.tokensIn();
      out += row.tokensOut();
      if (rowCost.isPresent()) {
        cost = cost.add(rowCost.get());
      } else if (row.tokensIn() + row.tokensOut() > 0) {
        unknown = true;
      }
    }

    BigDecimal cost() {
      return unknown ? null : cost;
    }
  }
}
