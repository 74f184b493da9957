package io.inmo.domain.call;

import java.util.Locale;

/**
 * The state of a voice call; busy and no-answer are distinct outcomes, never collapsed into failed.
 */
public enum CallStatus {
  INITIATED,
  RINGING,
  IN_PROGRESS,
  COMPLETED,
  NO_ANSWER,
  BUSY,
  FAILED,
  VOICEMAIL,
  CANCELLED;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static CallStatus fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (CallStatus candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown call status: " + value);
  }

  /** Whether the call is over; a terminal status never changes again. */
  public boolean isTerminal() {
    return ordinal() >= COMPLETED.ordinal();
  }

  /**
   * Whether a call may move from this status to {@code next}: non-terminal statuses only move
   * forward (initiated, ringing, in progress) and any of them may end in a terminal status.
   */
  public boolean canAdvanceTo(CallStatus next) {
    return !isTerminal() && next.ordinal() > ordinal();
  }
}
