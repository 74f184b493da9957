package io.inmo.domain.appointment;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies an appointment between a lead and a brokerage (visit, meeting or call). */
public record AppointmentId(UUID value) {
  public AppointmentId {
    Objects.requireNonNull(value, "appointment id must not be null");
  }

  public static AppointmentId newId() {
    return new AppointmentId(Ids.newUuid());
  }

  public static AppointmentId of(String value) {
    return new AppointmentId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
