package io.inmo.domain.campaign;

import java.util.Locale;

/** The role of the AI agent a message template is written for. */
public enum AgentType {
  SALES,
  QUALIFIER,
  SCHEDULER,
  FOLLOW_UP,
  GENERAL;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static AgentType fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (AgentType candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown agent type: " + value);
  }
}
