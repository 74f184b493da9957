package io.inmo.domain.appointment;

import io.inmo.domain.shared.DomainException;
import java.util.Objects;

/**
 * Rule violation: the agent already has a scheduled or confirmed appointment overlapping the one
 * being saved (no double booking); code {@code appointment.slot_taken}.
 */
public class AppointmentConflictException extends DomainException {
  public static final String CODE = "appointment.slot_taken";

  /** For an appointment whose agent slot is taken. */
  public AppointmentConflictException(Appointment rejected) {
    super(
        CODE,
        "the agent already has an appointment between "
            + Objects.requireNonNull(rejected, "rejected").start()
            + " and "
            + rejected.end());
  }

  /** For adapters that only know the slot is taken (e.g. a database exclusion violation). */
  public AppointmentConflictException(String message) {
    super(CODE, message);
  }
}
