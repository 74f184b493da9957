package io.inmo.domain.conversation;

import java.util.Locale;

/** The delivery state of a chat message; it only moves forward and {@code FAILED} is terminal. */
public enum DeliveryStatus {
  RECEIVED,
  QUEUED,
  SENT,
  DELIVERED,
  READ,
  FAILED;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static DeliveryStatus fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (DeliveryStatus candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown delivery status: " + value);
  }

  /** Whether no later delivery report can change this status ({@code READ}, {@code FAILED}). */
  public boolean isTerminal() {
    return this == READ || this == FAILED;
  }

  /**
   * Whether an outbound message may move from this status to {@code next}: forward along queued,
   * sent, delivered, read, or to failed from any non-terminal status. {@code RECEIVED} belongs to
   * inbound messages and is never a target.
   */
  public boolean canAdvanceTo(DeliveryStatus next) {
    if (this == RECEIVED || next == RECEIVED || isTerminal()) {
      return false;
    }
    if (next == FAILED) {
      return true;
    }
    return next.ordinal() > ordinal();
  }
}
