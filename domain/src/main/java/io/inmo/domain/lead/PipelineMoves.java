package io.inmo.domain.lead;

import io.inmo.domain.pipeline.PipelineStage;
import io.inmo.domain.pipeline.StageMove;
import io.inmo.domain.pipeline.StageMove.Rule;
import io.inmo.domain.user.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Manual pipeline moves (PRODUCT §6), always with a reason: staff move an open lead to any open
 * stage, forwards or backwards, or close it as won or lost ({@link Lead#close} records the reason
 * code and detail, the time and the stage it was closed from); only an ADMIN or SUPERADMIN may
 * reopen a won or lost lead. Each method returns the move for the activity log.
 *
 * <p>A won lead becomes lost (or the other way round) by reopening it first.
 */
public final class PipelineMoves {
  /** The longest reason a staff member may give, as long as a close detail. */
  public static final int MAX_REASON_LENGTH = CloseReason.MAX_DETAIL_LENGTH;

  private PipelineMoves() {}

  /**
   * Moves an open lead to an open stage; empty when it already is there.
   *
   * @throws IllegalArgumentException when the reason is blank or too long, or the target is won or
   *     lost (use {@link #close})
   * @throws io.inmo.domain.shared.DomainException {@code lead.closed} when won or lost (use {@link
   *     #reopen}), {@code lead.deleted}
   */
  public static Optional<StageMove> move(
      Lead lead, PipelineStage target, String reason, Instant now) {
    String why = requireReason(reason);
    PipelineStage from = lead.stage();
    lead.moveTo(target, now);
    return from == target
        ? Optional.empty()
        : Optional.of(new StageMove(from, target, Rule.MANUAL, why));
  }

  /**
   * Closes an open lead as won or lost with a reason code and optional detail. Unlike {@link
   * Lead#close}, a reason is required for won too: every manual move has one.
   *
   * @throws IllegalArgumentException when the outcome is not won or lost
   * @throws io.inmo.domain.shared.DomainException {@code lead.closed} when already closed, {@code
   *     lead.deleted}
   */
  public static StageMove close(Lead lead, PipelineStage outcome, CloseReason reason, Instant now) {
    Objects.requireNonNull(reason, "closing a lead by hand needs a reason");
    PipelineStage from = lead.stage();
    lead.close(outcome, reason, now);
    String why =
        "Cerrado como "
            + outcome.label()
            + " ("
            + reason.code()
            + ")"
            + (reason.detail() == null ? "" : ": " + reason.detail());
    return new StageMove(from, outcome, Rule.MANUAL_CLOSE, why);
  }

  /**
   * Reopens a won or lost lead into an open stage; only for ADMIN and SUPERADMIN.
   *
   * @throws IllegalArgumentException when the reason is blank or too long, or the target is won or
   *     lost
   * @throws LeadReopenDeniedException {@code lead.reopen_requires_admin} for any other role
   * @throws io.inmo.domain.shared.DomainException {@code lead.not_closed} when the lead is open,
   *     {@code lead.deleted}
   */
  public static StageMove reopen(
      Lead lead, PipelineStage target, String reason, Role actor, Instant now) {
    String why = requireReason(reason);
    if (!mayReopen(actor)) {
      throw new LeadReopenDeniedException(lead.id(), actor);
    }
    PipelineStage from = lead.stage();
    lead.reopen(target, now);
    return new StageMove(from, target, Rule.REOPEN, why);
  }

  /** Whether a role may reopen won or lost leads: ADMIN and SUPERADMIN. */
  public static boolean mayReopen(Role role) {
    return Objects.requireNonNull(role, "role") == Role.ADMIN || role == Role.SUPERADMIN;
  }

  private static String requireReason(String reason) {
    Objects.requireNonNull(reason, "a manual move needs a reason");
    String r = reason.strip();
    if (r.isEmpty() || r.length() > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException(
          "a manual move needs a reason of 1.." + MAX_REASON_LENGTH + " chars");
    }
    return r;
  }
}
