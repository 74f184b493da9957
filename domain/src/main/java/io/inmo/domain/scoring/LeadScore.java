package io.inmo.domain.scoring;

/** A lead's score from 0 (cold, unknown) to 100 (ready to buy). */
public record LeadScore(int value) implements Comparable<LeadScore> {
  public static final int MIN = 0;
  public static final int MAX = 100;
  public static final LeadScore ZERO = new LeadScore(MIN);

  public LeadScore {
    if (value < MIN || value > MAX) {
      throw new IllegalArgumentException("lead score must be 0..100: " + value);
    }
  }

  public static LeadScore of(int value) {
    return new LeadScore(value);
  }

  /** A score from any sum of points, clamped into 0..100. */
  public static LeadScore clamped(int points) {
    return new LeadScore(Math.max(MIN, Math.min(MAX, points)));
  }

  @Override
  public int compareTo(LeadScore other) {
    return Integer.compare(value, other.value);
  }
}
