package io.inmo.domain.activity;

import java.util.Locale;

/** Who caused an activity: the system, a staff user, the AI agent or the lead. */
public enum ActorType {
  SYSTEM,
  USER,
  AI,
  LEAD;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static ActorType fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (ActorType candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown actor type: " + value);
  }
}
