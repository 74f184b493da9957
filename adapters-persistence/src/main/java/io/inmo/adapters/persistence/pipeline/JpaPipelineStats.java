package io.inmo.adapters.persistence.pipeline;

import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.application.port.out.PipelineStatsRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.pipeline.PipelineStage;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Persistence adapter: the pipeline's figures as aggregate SQL over one broker's live leads (and,
 * for the first-response time, their chat messages). Every statement is scoped by broker_id.
 */
public final class JpaPipelineStats implements PipelineStatsRepository {
  private final JpaUnitOfWork unitOfWork;

  public JpaPipelineStats(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public Map<PipelineStage, Long> countByStage(BrokerId brokerId, Scope scope) {
    Query query =
        query(
            "select l.pipeline_stage, count(*) from leads l where l.broker_id = :broker"
                + " and l.deleted_at is null"
                + scopeSql(scope)
                + " group by l.pipeline_stage",
            brokerId,
            scope);
    Map<PipelineStage, Long> counts = new EnumMap<>(PipelineStage.class);
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      counts.put(PipelineStage.fromApiValue((String) r[0]), ((Number) r[1]).longValue());
    }
    return counts;
  }

  @Override
  public List<StageGroup> stageGroups(
      BrokerId brokerId, Scope scope, Instant now, Duration stuckAfter) {
    Query query =
        query(
            "select l.pipeline_stage, l.closed_from_stage, count(*),"
                + " coalesce(sum(l.budget_amount) filter (where l.budget_currency = 'UF'), 0),"
                + " coalesce(sum(l.budget_amount) filter (where l.budget_currency = 'CLP'), 0),"
                + " coalesce(sum(extract(epoch from (cast(:now as timestamptz)"
                + " - l.stage_entered_at))), 0),"
                + " count(*) filter (where l.pipeline_stage not in ('won', 'lost')"
                + " and l.stage_entered_at < cast(:stuckBefore as timestamptz))"
                + " from leads l where l.broker_id = :broker and l.deleted_at is null"
                + scopeSql(scope)
                + " group by l.pipeline_stage, l.closed_from_stage",
            brokerId,
            scope);
    query.setParameter("now", Timestamp.from(now));
    query.setParameter("stuckBefore", Timestamp.from(now.minus(stuckAfter)));
    List<StageGroup> groups = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      groups.add(
          new StageGroup(
              PipelineStage.fromApiValue((String) r[0]),
              r[1] == null ? null : PipelineStage.fromApiValue((String) r[1]),
              ((Number) r[2]).longValue(),
              plain(decimal(r[3])),
              plain(decimal(r[4])),
              ((Number) r[5]).doubleValue(),
              ((Number) r[6]).longValue()));
    }
    return groups;
  }

  @Override
  public Map<LocalDate, Long> weeklyIntake(
      BrokerId brokerId, Scope scope, ZoneId zone, Instant from) {
    Query query =
        query(
            "select date_trunc('week', l.created_at at time zone :zone), count(*)"
                + " from leads l where l.broker_id = :broker and l.deleted_at is null"
                + " and l.created_at >= cast(:from as timestamptz)"
                + scopeSql(scope)
                + " group by 1",
            brokerId,
            scope);
    query.setParameter("zone", zone.getId());
    query.setParameter("from", Timestamp.from(from));
    Map<LocalDate, Long> weeks = new HashMap<>();
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      LocalDate week =
          switch (r[0]) {
            case Timestamp t -> t.toLocalDateTime().toLocalDate();
            case LocalDateTime t -> t.toLocalDate();
            default -> throw new IllegalStateException("week start: " + r[0].getClass());
          };
      weeks.put(week, ((Number) r[1]).longValue());
    }
    return weeks;
  }

  @Override
  public Duration medianFirstResponse(BrokerId brokerId, Scope scope, Instant from) {
    Query query =
        query(
            "select percentile_cont(0.5) within group (order by extract(epoch from"
                + " (r.first_reply - f.first_in)))"
                + " from (select m.lead_id, min(m.created_at) as first_in"
                + " from chat_messages m join leads l on l.broker_id = m.broker_id"
                + " and l.id = m.lead_id"
                + " where m.broker_id = :broker and l.broker_id = :broker"
                + " and m.direction = 'inbound' and l.deleted_at is null"
                + " and l.created_at >= cast(:from as timestamptz)"
                + scopeSql(scope)
                + " group by m.lead_id) f"
                + " cross join lateral (select min(o.created_at) as first_reply"
                + " from chat_messages o where o.broker_id = :broker and o.lead_id = f.lead_id"
                + " and o.direction = 'outbound' and o.sender_type in ('ai', 'staff')"
                + " and o.created_at >= f.first_in) r"
                + " where r.first_reply is not null",
            brokerId,
            scope);
    query.setParameter("from", Timestamp.from(from));
    Object seconds = query.getSingleResult();
    return seconds == null
        ? null
        : Duration.ofMillis(Math.round(((Number) seconds).doubleValue() * 1000));
  }

  private Query query(String sql, BrokerId brokerId, Scope scope) {
    Query query = unitOfWork.entityManager().createNativeQuery(sql);
    query.setParameter("broker", brokerId.value());
    if (scope.agent() != null) {
      query.setParameter("agent", scope.agent().value());
    }
    return query;
  }

  private static String scopeSql(Scope scope) {
    if (scope.agent() == null) {
      return "";
    }
    return scope.withUnassigned()
        ? " and (l.assigned_to = :agent or l.assigned_to is null)"
        : " and l.assigned_to = :agent";
  }

  /** Without trailing zeros, never in exponent form ({@code 4500}, not {@code 4.5E+3}). */
  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static BigDecimal decimal(Object value) {
    return value instanceof BigDecimal d
        ? d.stripTrailingZeros()
        : new BigDecimal(value.toString()).stripTrailingZeros();
  }
}
