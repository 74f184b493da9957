package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.user.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
   * Per stage: count, budget sums, average days in the stage, how many are stuck — and, in the same
   * pass over the leads, how many got at least as far as each stage of the forward path (new …
   * won): an open lead its current stage, a won lead the whole path, a lost lead the stage it was
   * closed from.
   */
  StageFigures stageFigures(BrokerId brokerId, Scope scope, Instant now, Duration stuckAfter);

  /** The per-stage figures and how far the leads got, from one pass over the broker's leads. */
  record StageFigures(Map<PipelineStage, StageStats> stages, Map<PipelineStage, Long> reached) {}

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

  /**
   * @param budgetUf sum of the budgets given in UF (zero when none)
   * @param budgetClp sum of the budgets given in CLP (zero when none)
   * @param averageDaysInStage mean time the stage's leads have been in it, in days
   * @param stuck open leads in the stage longer than the threshold asked for
   */
  record StageStats(
      long leads,
      BigDecimal budgetUf,
      BigDecimal budgetClp,
      double averageDaysInStage,
      long stuck) {
    public static final StageStats NONE = new StageStats(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
  }
}
