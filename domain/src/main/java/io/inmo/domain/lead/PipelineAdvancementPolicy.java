package io.inmo.domain.lead;

import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.RequiredProfileFields;
import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.pipeline.StageMove;
import java.time.Instant;
import java.util.List;

/**
 * The automatic pipeline moves (PRODUCT §6), applied repeatedly until none fires, so a lead with
 * complete facts lands in the stage they earn in one recompute:
 *
 * <ol>
 *   <li>{@code new → profiling}: a name and at least one of phone, e-mail, location, budget,
 *       property type;
 *   <li>{@code profiling → financial_qualification}: the broker's required profile fields;
 *   <li>{@code financial_qualification → potential}: qualification {@code POTENTIAL} or {@code
 *       QUALIFIED} (a qualified lead is at least potential; there is no later qualification stage);
 *   <li>any stage before {@code scheduled} → {@code scheduled}: a scheduled or confirmed
 *       appointment;
 *   <li>{@code financial_qualification → lost} with reason {@code not_qualified}: qualification
 *       {@code NOT_QUALIFIED} and the broker auto-closes; otherwise such a lead stays. A lead with
 *       an active appointment is never auto-closed: rule 4 takes it to scheduled first.
 * </ol>
 *
 * <p>The earned stages come first, then the appointment, so the log shows each stage the lead
 * passed. Moves only go forwards and never leave {@code won} or {@code lost}. The qualification is
 * the one stored on the lead: apply the new score and qualification ({@link Lead#applyScore})
 * before advancing.
 */
@FunctionalInterface
public interface PipelineAdvancementPolicy {

  /**
   * The moves the lead has earned, in order, each starting where the previous one ended; empty when
   * none fires or the lead is won or lost. Reads the lead, never changes it.
   *
   * @param hasActiveAppointment whether the lead has an appointment that is scheduled or confirmed
   *     ({@code AppointmentStatus.blocksSlot()})
   */
  List<StageMove> plan(Lead lead, boolean hasActiveAppointment);

  /**
   * Applies {@link #plan} to the lead at {@code now} ({@link Lead#advanceTo}, or {@link Lead#close}
   * with {@link CloseReason#notQualified()} for an auto-close) and returns the moves made, one
   * activity entry each.
   *
   * @throws io.inmo.domain.shared.DomainException {@code lead.deleted} when a move is due on a
   *     deleted lead
   */
  default List<StageMove> advance(Lead lead, boolean hasActiveAppointment, Instant now) {
    List<StageMove> moves = plan(lead, hasActiveAppointment);
    for (StageMove move : moves) {
      if (move.to() == PipelineStage.LOST) {
        lead.close(PipelineStage.LOST, CloseReason.notQualified(), now);
      } else {
        lead.advanceTo(move.to(), now);
      }
    }
    return moves;
  }

  /** The rules with the broker's required profile fields and auto-close setting. */
  static PipelineAdvancementPolicy forBroker(BrokerLeadConfig config) {
    return of(config.requiredProfileFields(), config.autoCloseNotQualified());
  }

  static PipelineAdvancementPolicy of(
      RequiredProfileFields requiredProfileFields, boolean autoCloseNotQualified) {
    return new StagedAdvancementPolicy(requiredProfileFields, autoCloseNotQualified);
  }
}
