package io.inmo.domain.shared;

import java.time.Duration;
import java.time.Instant;

/** Object mother: fixed instants for deterministic tests (a Monday in Santiago, 10:00 local). */
public final class TimeMother {
  /** Monday 2025-03-10 10:00 America/Santiago (UTC-3 in March). */
  public static final Instant NOW = Instant.parse("2025-03-10T13:00:00Z");

  private TimeMother() {}

  public static Instant later(int minutes) {
    return NOW.plus(Duration.ofMinutes(minutes));
  }
}
