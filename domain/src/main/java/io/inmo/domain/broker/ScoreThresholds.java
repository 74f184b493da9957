package io.inmo.domain.broker;

/**
 * A broker's score bands: a score up to {@code coldMax} is cold, from {@code hotMin} hot, warm in
 * between. Invariant: {@code 0 ≤ coldMax < warmMax < 100} and {@code hotMin = warmMax + 1}.
 *
 * <p>Mapping a score to a {@code LeadStatus} is {@code LeadStatus.forScore(score, thresholds)} in
 * the lead package, so that {@code broker} depends on no other domain package.
 */
public record ScoreThresholds(int coldMax, int warmMax, int hotMin) {

  public ScoreThresholds {
    if (coldMax < 0 || coldMax >= warmMax || warmMax >= 100) {
      throw new IllegalArgumentException(
          "score thresholds need 0 ≤ coldMax < warmMax < 100: " + coldMax + ", " + warmMax);
    }
    if (hotMin != warmMax + 1) {
      throw new IllegalArgumentException(
          "hotMin must be warmMax + 1 (" + (warmMax + 1) + "): " + hotMin);
    }
  }

  /** 30 / 69 / 70. */
  public static ScoreThresholds defaults() {
    return new ScoreThresholds(30, 69, 70);
  }

  /** Thresholds with {@code hotMin} derived as {@code warmMax + 1}. */
  public static ScoreThresholds of(int coldMax, int warmMax) {
    return new ScoreThresholds(coldMax, warmMax, warmMax + 1);
  }

  /** Whether a score (0..100) falls in the cold band. */
  public boolean isCold(int score) {
    return checked(score) <= coldMax;
  }

  /** Whether a score (0..100) falls in the hot band. */
  public boolean isHot(int score) {
    return checked(score) >= hotMin;
  }

  /** Whether a score (0..100) falls in the warm band. */
  public boolean isWarm(int score) {
    return !isCold(score) && !isHot(score);
  }

  private static int checked(int score) {
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be 0..100: " + score);
    }
    return score;
  }
}
