package io.inmo.application.service.lead;

import io.inmo.application.port.in.lead.LeadView;
import io.inmo.application.port.in.pipeline.PipelineUseCase;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.LeadSearchRepository;
import io.inmo.application.port.out.LeadSearchRepository.LeadSearch;
import io.inmo.application.port.out.LeadSearchRepository.LeadSort;
import io.inmo.application.port.out.PipelineStatsRepository;
import io.inmo.application.port.out.PipelineStatsRepository.Scope;
import io.inmo.application.port.out.PipelineStatsRepository.StageGroup;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.user.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Application service: the pipeline board and metrics over the leads the caller may see. */
public final class PipelineService implements PipelineUseCase {
  private final BrokerRepository brokers;
  private final BrokerConfigRepository configs;
  private final LeadSearchRepository search;
  private final PipelineStatsRepository stats;
  private final AuditLogRepository audit;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public PipelineService(
      BrokerRepository brokers,
      BrokerConfigRepository configs,
      LeadSearchRepository search,
      PipelineStatsRepository stats,
      AuditLogRepository audit,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.configs = Objects.requireNonNull(configs, "configs");
    this.search = Objects.requireNonNull(search, "search");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Board board(Actor actor, BrokerId brokerId, int perStage, Origin origin) {
    Objects.requireNonNull(actor, "actor");
    if (perStage < 1 || perStage > MAX_BOARD_PAGE) {
      throw new InvalidValueException(
          "pipeline.invalid", "limit debe estar entre 1 y " + MAX_BOARD_PAGE + ".");
    }
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = target(actor, brokerId);
          Scope scope = scope(actor, broker);
          Map<PipelineStage, Long> counts = stats.countByStage(broker, scope);
          List<BoardColumn> columns = new ArrayList<>();
          for (PipelineStage stage : PipelineStage.values()) {
            long count = counts.getOrDefault(stage, 0L);
            List<Lead> found =
                count == 0 ? List.of() : search.search(broker, page(stage, scope, perStage + 1));
            boolean more = found.size() > perStage;
            List<Lead> page = more ? found.subList(0, perStage) : found;
            List<LeadView> items =
                page.stream()
                    .map(lead -> LeadView.of(lead, LeadAccess.seesSensitive(actor, lead)))
                    .toList();
            String next = more ? LeadCursors.encode(LeadSort.NEWEST, page.getLast()) : null;
            columns.add(new BoardColumn(stage, count, items, next));
          }
          audited(actor, broker, "pipeline.board", origin);
          return new Board(columns);
        });
  }

  @Override
  public Metrics metrics(Actor actor, BrokerId brokerId, int stuckDays, int weeks, Origin origin) {
    Objects.requireNonNull(actor, "actor");
    if (stuckDays < 1 || stuckDays > MAX_STUCK_DAYS) {
      throw new InvalidValueException(
          "pipeline.invalid", "stuckDays debe estar entre 1 y " + MAX_STUCK_DAYS + ".");
    }
    if (weeks < 1 || weeks > MAX_WEEKS) {
      throw new InvalidValueException(
          "pipeline.invalid", "weeks debe estar entre 1 y " + MAX_WEEKS + ".");
    }
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = target(actor, brokerId);
          Scope scope = scope(actor, broker);
          Instant now = clock.instant();
          ZoneId zone = brokers.findById(broker).map(Broker::timezone).orElseThrow();

          List<StageGroup> groups =
              stats.stageGroups(broker, scope, now, Duration.ofDays(stuckDays));
          List<StageMetrics> stages = new ArrayList<>();
          for (PipelineStage stage : PipelineStage.values()) {
            List<StageGroup> of = groups.stream().filter(g -> g.stage() == stage).toList();
            long count = of.stream().mapToLong(StageGroup::leads).sum();
            double seconds = of.stream().mapToDouble(StageGroup::secondsInStage).sum();
            stages.add(
                new StageMetrics(
                    stage,
                    count,
                    of.stream().map(StageGroup::budgetUf).reduce(BigDecimal.ZERO, BigDecimal::add),
                    of.stream().map(StageGroup::budgetClp).reduce(BigDecimal.ZERO, BigDecimal::add),
                    count == 0 ? 0 : seconds / count / 86_400.0,
                    of.stream().mapToLong(StageGroup::stuck).sum()));
          }

          // of the leads that got at least as far as one stage of the path, how many got to the
          // next
          List<PipelineStage> path = PipelineStage.FORWARD_PATH;
          long[] reached = new long[path.size()];
          for (StageGroup group : groups) {
            int furthest = path.indexOf(group.stage().furthestReached(group.closedFrom()));
            for (int i = 0; i <= furthest; i++) {
              reached[i] += group.leads();
            }
          }
          List<Conversion> conversion = new ArrayList<>();
          for (int i = 0; i + 1 < path.size(); i++) {
            long from = reached[i];
            long to = reached[i + 1];
            conversion.add(
                new Conversion(
                    path.get(i), path.get(i + 1), from, to, from == 0 ? null : (double) to / from));
          }

          LocalDate thisWeek =
              LocalDate.ofInstant(now, zone)
                  .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          LocalDate firstWeek = thisWeek.minusWeeks(weeks - 1L);
          Instant from = firstWeek.atStartOfDay(zone).toInstant();
          Map<LocalDate, Long> intake = stats.weeklyIntake(broker, scope, zone, from);
          List<WeekIntake> weekly = new ArrayList<>();
          for (LocalDate week = firstWeek; !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
            weekly.add(new WeekIntake(week, intake.getOrDefault(week, 0L)));
          }

          Duration firstResponse = stats.medianFirstResponse(broker, scope, from);
          audited(actor, broker, "pipeline.metrics", origin);
          return new Metrics(stages, conversion, stuckDays, weekly, firstResponse);
        });
  }

  private BrokerId target(Actor actor, BrokerId requested) {
    return LeadAccess.broker(actor, requested, brokers);
  }

  private Scope scope(Actor actor, BrokerId broker) {
    return actor.role() == Role.AGENT
        ? Scope.agent(actor.userId(), LeadAccess.agentsSeeUnassigned(actor, broker, configs))
        : Scope.WHOLE_BROKER;
  }

  private static LeadSearch page(PipelineStage stage, Scope scope, int limit) {
    return new LeadSearch(
        null,
        stage,
        null,
        null,
        scope.agent() != null && !scope.withUnassigned() ? scope.agent() : null,
        false,
        null,
        null,
        null,
        null,
        null,
        scope.agent(),
        LeadSort.NEWEST,
        null,
        limit);
  }

  /** A SUPERADMIN looking into a broker is a platform access: audited. */
  private void audited(Actor actor, BrokerId broker, String action, Origin origin) {
    if (actor.isSuperadmin()) {
      Origin o = origin == null ? Origin.SYSTEM : origin;
      audit.append(
          AuditEntry.record(
              broker,
              actor.userId(),
              action,
              "pipeline",
              null,
              null,
              null,
              o.ip(),
              o.requestId(),
              clock.instant()));
    }
  }
}
