package io.inmo.domain.scoring;

import java.util.Objects;

/**
 * One line of a score's explanation: the factor ({@code budget}, {@code engagement}, {@code
 * opt_out}), the points it contributed (negative for penalties) and why, in Spanish for the
 * dashboard.
 *
 * @param points -100..100
 * @param reason human-readable; null becomes empty
 */
public record ScoreComponent(String factor, int points, String reason) {
  public static final int MAX_FACTOR_LENGTH = 50;
  public static final int MAX_REASON_LENGTH = 500;

  public ScoreComponent {
    Objects.requireNonNull(factor, "factor must not be null");
    factor = factor.strip();
    if (factor.isEmpty() || factor.length() > MAX_FACTOR_LENGTH) {
      throw new IllegalArgumentException("factor must be 1.." + MAX_FACTOR_LENGTH + " chars");
    }
    if (points < -100 || points > 100) {
      throw new IllegalArgumentException("points must be -100..100: " + points);
    }
    reason = reason == null ? "" : reason.strip();
    if (reason.length() > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException("reason must be at most " + MAX_REASON_LENGTH + " chars");
    }
  }
}
