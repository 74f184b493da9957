package io.inmo.domain.conversation;

import java.util.Locale;

/**
 * Where a conversation stands for broker staff, one state at a time: the lead withdrew consent
 * ({@link #OPTED_OUT}, nobody may write to them), a person holds it ({@link #TAKEN_OVER}), the lead
 * waits for a person ({@link #ESCALATED}: the AI fell silent), or the AI answers ({@link #OPEN}).
 */
public enum ConversationStatus {
  OPEN,
  ESCALATED,
  TAKEN_OVER,
  OPTED_OUT;

  /**
   * The status of a conversation; an opt-out outranks a takeover, which outranks an escalation
   * (taking over answers an escalation).
   */
  public static ConversationStatus of(boolean leadOptedOut, boolean takenOver, boolean escalated) {
    if (leadOptedOut) {
      return OPTED_OUT;
    }
    if (takenOver) {
      return TAKEN_OVER;
    }
    return escalated ? ESCALATED : OPEN;
  }

  /** The lower-snake-case value used in the API. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static ConversationStatus fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (ConversationStatus candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown conversation status: " + value);
  }
}
