package io.inmo.domain.campaign;

import java.util.Locale;

/** What a campaign step does when it runs for a lead. */
public enum StepAction {
  SEND_MESSAGE,
  AI_MESSAGE,
  MAKE_CALL,
  UPDATE_STAGE,
  WAIT;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static StepAction fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (StepAction candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown step action: " + value);
  }
}
