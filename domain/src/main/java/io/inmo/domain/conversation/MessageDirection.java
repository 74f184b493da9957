package io.inmo.domain.conversation;

import java.util.Locale;

/** Whether a chat message came from the lead (inbound) or was sent to the lead (outbound). */
public enum MessageDirection {
  INBOUND,
  OUTBOUND;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static MessageDirection fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (MessageDirection candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown message direction: " + value);
  }
}
