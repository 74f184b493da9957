package io.inmo.domain.pipeline;

import java.util.Locale;
import java.util.Objects;

/**
 * One move of a lead between pipeline stages (PRODUCT §6), as the activity log records it: from,
 * to, the rule that moved it and why, in Spanish.
 *
 * @param reason human-readable, not blank: the rule's explanation or the staff member's reason
 */
public record StageMove(PipelineStage from, PipelineStage to, Rule rule, String reason) {

  public StageMove {
    Objects.requireNonNull(from, "from must not be null");
    Objects.requireNonNull(to, "to must not be null");
    Objects.requireNonNull(rule, "rule must not be null");
    Objects.requireNonNull(reason, "reason must not be null");
    if (from == to) {
      throw new IllegalArgumentException("a move changes the stage: " + from.apiValue());
    }
    if (rule.isAutomatic() && !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "automatic moves only go forwards: " + from.apiValue() + " → " + to.apiValue());
    }
    reason = reason.strip();
    if (reason.isEmpty()) {
      throw new IllegalArgumentException("a stage move needs a reason");
    }
  }

  /** Whether the move closed the deal (to won or lost). */
  public boolean closes() {
    return to.isClosed();
  }

  /** Whether the move reopened a won or lost deal. */
  public boolean reopens() {
    return from.isClosed();
  }

  /** Why a lead moved: one of the automatic rules of PRODUCT §6, or a staff member's decision. */
  public enum Rule {
    /**
     * {@code new → profiling}: a name and one of phone, e-mail, location, budget, property type.
     */
    PROFILE_STARTED(true),
    /** {@code profiling → financial_qualification}: the broker's required profile is complete. */
    PROFILE_COMPLETE(true),
    /** {@code financial_qualification → potential}: qualification POTENTIAL or QUALIFIED. */
    FINANCIALLY_QUALIFIED(true),
    /** {@code financial_qualification → lost}: NOT_QUALIFIED and the broker auto-closes. */
    NOT_QUALIFIED(true),
    /** Any stage before {@code scheduled} → scheduled: a scheduled or confirmed appointment. */
    APPOINTMENT_SCHEDULED(true),
    /** A staff member moved the lead between open stages. */
    MANUAL(false),
    /** A staff member closed the deal as won or lost. */
    MANUAL_CLOSE(false),
    /** An admin reopened a won or lost deal. */
    REOPEN(false);

    private final boolean automatic;

    Rule(boolean automatic) {
      this.automatic = automatic;
    }

    /** Whether the domain applied the rule by itself rather than a staff member. */
    public boolean isAutomatic() {
      return automatic;
    }

    /** The lower-snake-case value used in the API and in activity details. */
    public String apiValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
