package io.inmo.domain.lead;

import io.inmo.domain.broker.ScoreThresholds;
import io.inmo.domain.scoring.LeadScore;
import java.util.Locale;
import java.util.Objects;

/** How warm a lead is (cold, warm, hot from the score) or how its deal ended (converted, lost). */
public enum LeadStatus {
  COLD("cold"),
  WARM("warm"),
  HOT("hot"),
  CONVERTED("converted"),
  LOST("lost");

  private final String apiValue;

  LeadStatus(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The lower-snake-case value used in the API and in storage. */
  public String apiValue() {
    return apiValue;
  }

  /** Whether the status comes from a closed deal (converted or lost) rather than the score. */
  public boolean isClosed() {
    return this == CONVERTED || this == LOST;
  }

  /** The score band of a score under a broker's thresholds: cold, warm or hot. */
  public static LeadStatus forScore(LeadScore score, ScoreThresholds thresholds) {
    return forScore(Objects.requireNonNull(score, "score").value(), thresholds);
  }

  /** The score band of a score (0..100) under a broker's thresholds: cold, warm or hot. */
  public static LeadStatus forScore(int score, ScoreThresholds thresholds) {
    Objects.requireNonNull(thresholds, "thresholds");
    if (thresholds.isCold(score)) {
      return COLD;
    }
    return thresholds.isHot(score) ? HOT : WARM;
  }

  /** Parses an API value in any case; throws {@link IllegalArgumentException} when unknown. */
  public static LeadStatus fromApiValue(String value) {
    Objects.requireNonNull(value, "lead status must not be null");
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (LeadStatus e : values()) {
      if (e.apiValue.equals(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown lead status: " + value);
  }
}
