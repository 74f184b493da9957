package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.user.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Outbound port: the pipeline's numbers over a broker's live leads, computed by the database (one
 * aggregate per figure, never rows shipped to the application).
 */
public interface PipelineStatsRepository {

  /** Live leads per stage (stages without leads absent): the board's counts, from an index. */
  Map<PipelineStage, Long> countByStage(BrokerId brokerId, Scope scope);

  /**
   * One pass over the broker's leads, grouped by stage and the stage a lost lead was closed from:
   * counts, budget sums, total time in the stage and how many are stuck longer than {@code
   * stuckAfter} (open stages only).
   */
  List<StageGroup> stageGroups(BrokerId brokerId, Scope scope, Instant now, Duration stuckAfter);

  /**
   * @param closedFrom for lost leads the stage they were closed from (null when unknown), else null
   * @param secondsInStage the leads' time in the stage, summed
   */
  record StageGroup(
      PipelineStage stage,
      PipelineStage closedFrom,
      long leads,
      BigDecimal budgetUf,
      BigDecimal budgetClp,
      double secondsInStage,
      long stuck) {}

  /** Leads created per week (weeks starting Monday in {@code zone}) since {@code from}. */
  Map<LocalDate, Long> weeklyIntake(BrokerId brokerId, Scope scope, ZoneId zone, Instant from);

  /**
   * The median time from a lead's first inbound message to the first reply (AI or staff) after it,
   * over leads created since {@code from}; null when no lead has both.
   */
  Duration medianFirstResponse(BrokerId brokerId, Scope scope, Instant from);

  /**
   * Whose leads: the whole broker ({@link #WHOLE_BROKER}), or an AGENT's own leads and, if the
   * broker allows, the unassigned ones.
   */
  record Scope(UserId agent, boolean withUnassigned) {
    public static final Scope WHOLE_BROKER = new Scope(null, true);

    public static Scope agent(UserId agent, boolean withUnassigned) {
      return new Scope(Objects.requireNonNull(agent, "agent"), withUnassigned);
    }
  }
}
