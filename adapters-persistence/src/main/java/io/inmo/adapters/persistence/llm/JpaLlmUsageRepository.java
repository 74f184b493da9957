package io.inmo.adapters.persistence.llm;

import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.PlatformScope;
import io.inmo.application.port.out.LlmUsageRepository;
import io.inmo.domain.broker.BrokerId;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Aggregates {@code llm_calls} (ADR 0018) — of one broker, one index range on (broker, time), or of
 * every broker for the platform view — and records reached budgets in {@code llm_budget_months}.
 */
public final class JpaLlmUsageRepository implements LlmUsageRepository {
  private final JpaUnitOfWork unitOfWork;

  public JpaLlmUsageRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public List<UsageRow> usage(BrokerId broker, Instant from, Instant to, ZoneId zone) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        unitOfWork
            .entityManager()
            .createNativeQuery(
                "select cast(timezone(:zone, created_at) as date) as day, provider, model,"
                    + " count(*), count(*) filter (where outcome <> 'ok'),"
                    + " coalesce(sum(tokens_in), 0), coalesce(sum(tokens_out), 0)"
                    + " from llm_calls where broker_id = :broker and created_at >= :from"
                    + " and created_at < :to group by 1, 2, 3 order by 1, 2, 3")
            .setParameter("zone", zone.getId())
            .setParameter("broker", broker.value())
            .setParameter("from", from.atOffset(ZoneOffset.UTC))
            .setParameter("to", to.atOffset(ZoneOffset.UTC))
            .getResultList();
    List<UsageRow> usage = new ArrayList<>();
    for (Object[] r : rows) {
      usage.add(
          new UsageRow(
              r[0] instanceof Date d ? d.toLocalDate() : (java.time.LocalDate) r[0],
              (String) r[1],
              (String) r[2],
              ((Number) r[3]).longValue(),
              ((Number) r[4]).longValue(),
              ((Number) r[5]).longValue(),
              ((Number) r[6]).longValue()));
    }
    return usage;
  }

  @Override
  public long qualifiedLeadsWithCalls(BrokerId broker, Instant from, Instant to) {
    return ((Number)
            unitOfWork
                .entityManager()
                .createNativeQuery(
                    "select count(*) from leads l where l.broker_id = :broker"
                        + " and l.qualification = 'QUALIFIED' and l.deleted_at is null"
                        + " and exists (select 1 from llm_calls c where c.broker_id = :broker"
                        + " and c.lead_id = l.id and c.created_at >= :from and c.created_at < :to)")
                .setParameter("broker", broker.value())
                .setParameter("from", from.atOffset(ZoneOffset.UTC))
                .setParameter("to", to.atOffset(ZoneOffset.UTC))
                .getSingleResult())
        .longValue();
  }

  @Override
  public List<BrokerUsageRow> usageByBroker(Instant from, Instant to) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        PlatformScope.hint(
                unitOfWork
                    .entityManager()
                    .createNativeQuery(
                        "select broker_id, provider, model, count(*),"
                            + " count(*) filter (where outcome <> 'ok'),"
                            + " coalesce(sum(tokens_in), 0), coalesce(sum(tokens_out), 0)"
                            + " from llm_calls where created_at >= :from and created_at < :to"
                            + " group by 1, 2, 3 order by 1, 2, 3"),
                "platform cost view: the AI calls of every broker")
            .setParameter("from", from.atOffset(ZoneOffset.UTC))
            .setParameter("to", to.atOffset(ZoneOffset.UTC))
            .getResultList();
    List<BrokerUsageRow> usage = new ArrayList<>();
    for (Object[] r : rows) {
      usage.add(
          new BrokerUsageRow(
              new BrokerId((UUID) r[0]),
              (String) r[1],
              (String) r[2],
              ((Number) r[3]).longValue(),
              ((Number) r[4]).longValue(),
              ((Number) r[5]).longValue(),
              ((Number) r[6]).longValue()));
    }
    return usage;
  }

  @Override
  public boolean markBudgetReached(
      BrokerId broker, LocalDate month, BigDecimal budgetUsd, BigDecimal spentUsd, Instant at) {
    return unitOfWork
            .entityManager()
            .createNativeQuery(
                "insert into llm_budget_months (broker_id, month, budget_usd, spent_usd,"
                    + " reached_at) values (:broker, :month, :budget, :spent, :at)"
                    + " on conflict (broker_id, month, budget_usd) do nothing")
            .setParameter("broker", broker.value())
            .setParameter("month", month)
            .setParameter("budget", budgetUsd)
            .setParameter("spent", spentUsd)
            .setParameter("at", at.atOffset(ZoneOffset.UTC))
            .executeUpdate()
        == 1;
  }

  @Override
  public Optional<Instant> budgetReachedAt(BrokerId broker, LocalDate month, BigDecimal budgetUsd) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        unitOfWork
            .entityManager()
            .createNativeQuery(
                "select reached_at from llm_budget_months where broker_id = :broker"
                    + " and month = :month and budget_usd = :budget")
            .setParameter("broker", broker.value())
            .setParameter("month", month)
            .setParameter("budget", budgetUsd)
            .getResultList();
    return rows.stream().findFirst().map(JpaLlmUsageRepository::instant);
  }

  private static Instant instant(Object value) {
    return switch (value) {
      case Instant i -> i;
      case java.time.OffsetDateTime o -> o.toInstant();
      case java.sql.Timestamp t -> t.toInstant();
      default -> throw new IllegalStateException("unexpected timestamp " + value.getClass());
    };
  }
}
