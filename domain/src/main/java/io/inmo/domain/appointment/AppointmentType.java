package io.inmo.domain.appointment;

import java.util.Locale;

/** What kind of appointment a lead has with the brokerage. */
public enum AppointmentType {
  PROPERTY_VISIT,
  VIRTUAL_MEETING,
  PHONE_CALL,
  OFFICE_MEETING;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static AppointmentType fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (AppointmentType candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown appointment type: " + value);
  }
}
