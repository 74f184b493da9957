package io.inmo.domain.conversation;

import java.util.Locale;

/** Who authored a chat message: the lead, the AI agent, a staff member or the system. */
public enum SenderType {
  LEAD,
  AI,
  STAFF,
  SYSTEM;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static SenderType fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (SenderType candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown sender type: " + value);
  }

  /** Whether this sender writes outbound messages (everyone but the lead). */
  public boolean isOutbound() {
    return this != LEAD;
  }
}
