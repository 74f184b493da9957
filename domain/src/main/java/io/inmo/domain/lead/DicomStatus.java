package io.inmo.domain.lead;

import java.util.Locale;
import java.util.Objects;

/** The lead's standing in DICOM, Chile's register of unpaid debts. */
public enum DicomStatus {
  CLEAN("clean"),
  HAS_DEBT("has_debt"),
  UNKNOWN("unknown");

  private final String apiValue;

  DicomStatus(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The lower-snake-case value used in the API and in storage. */
  public String apiValue() {
    return apiValue;
  }

  /** Parses an API value in any case; throws {@link IllegalArgumentException} when unknown. */
  public static DicomStatus fromApiValue(String value) {
    Objects.requireNonNull(value, "DICOM status must not be null");
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (DicomStatus e : values()) {
      if (e.apiValue.equals(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown DICOM status: " + value);
  }
}
