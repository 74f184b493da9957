package io.inmo.domain.appointment;

import java.util.Locale;

/**
 * The lifecycle state of an appointment; only scheduled and confirmed ones hold the agent's slot.
 */
public enum AppointmentStatus {
  SCHEDULED,
  CONFIRMED,
  CANCELLED,
  COMPLETED,
  NO_SHOW;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static AppointmentStatus fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (AppointmentStatus candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown appointment status: " + value);
  }

  /** Whether an appointment in this status occupies its agent's time slot. */
  public boolean blocksSlot() {
    return this == SCHEDULED || this == CONFIRMED;
  }

  /** Whether the appointment is over (cancelled, completed or no-show) and can no longer change. */
  public boolean isFinal() {
    return !blocksSlot();
  }

  /** Whether an appointment may move from this status to {@code next}. */
  public boolean canTransitionTo(AppointmentStatus next) {
    return switch (this) {
      case SCHEDULED -> next != SCHEDULED;
      case CONFIRMED -> next == CANCELLED || next == COMPLETED || next == NO_SHOW;
      case CANCELLED, COMPLETED, NO_SHOW -> false;
    };
  }
}
