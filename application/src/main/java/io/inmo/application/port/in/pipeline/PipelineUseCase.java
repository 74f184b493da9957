package io.inmo.application.port.in.pipeline;

import io.inmo.application.port.in.lead.LeadView;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.pipeline.PipelineStage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Inbound port: the pipeline board and its metrics (PRODUCT §6) over the leads the caller may see
 * (ADMIN the broker, AGENT own and — if the broker allows — unassigned, SUPERADMIN a named broker,
 * audited).
 */
public interface PipelineUseCase {
  int MAX_BOARD_PAGE = 50;
  int MAX_STUCK_DAYS = 365;
  int MAX_WEEKS = 52;

  /**
   * Every stage with its count and its first {@code perStage} leads, newest first; a stage's {@code
   * nextCursor} continues on {@code GET /api/v1/leads?stage=…}.
   */
  Board board(Actor actor, BrokerId brokerId, int perStage, Origin origin);

  /**
   * Counts and budgets per stage, conversion between consecutive stages, average days in stage,
   * leads stuck longer than {@code stuckDays}, weekly intake over {@code weeks} weeks (the broker's
   * timezone) and the median first-response time over the same period.
   */
  Metrics metrics(Actor actor, BrokerId brokerId, int stuckDays, int weeks, Origin origin);

  record Board(List<BoardColumn> stages) {
    public Board {
      stages = List.copyOf(stages);
    }
  }

  record BoardColumn(PipelineStage stage, long count, List<LeadView> items, String nextCursor) {
    public BoardColumn {
      items = List.copyOf(items);
    }
  }

  record Metrics(
      List<StageMetrics> stages,
      List<Conversion> conversion,
      int stuckAfterDays,
      List<WeekIntake> weeklyIntake,
      Duration medianFirstResponse) {
    public Metrics {
      stages = List.copyOf(stages);
      conversion = List.copyOf(conversion);
      weeklyIntake = List.copyOf(weeklyIntake);
    }
  }

  record StageMetrics(
      PipelineStage stage,
      long count,
      BigDecimal budgetUf,
      BigDecimal budgetClp,
      double averageDaysInStage,
      long stuck) {}

  /** Of the leads that reached {@code from}, how many reached {@code to}; rate null when none. */
  record Conversion(
      PipelineStage from, PipelineStage to, long reached, long advanced, Double rate) {}

  record WeekIntake(LocalDate weekStart, long leads) {}
}
