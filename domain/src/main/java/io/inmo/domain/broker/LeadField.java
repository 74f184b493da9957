package io.inmo.domain.broker;

import java.util.Locale;
import java.util.Objects;

/**
 * A piece of lead information a broker weighs, prioritises or requires: the contact columns (name,
 * phone, e-mail) plus the facts a conversation collects.
 */
public enum LeadField {
  NAME,
  PHONE,
  EMAIL,
  LOCATION,
  OPERATION,
  PROPERTY_TYPE,
  BEDROOMS,
  BATHROOMS,
  PARKING,
  BUDGET,
  MONTHLY_INCOME,
  DICOM_STATUS,
  DEBT_AMOUNT,
  TIMELINE,
  INTEREST_LEVEL,
  FINANCING;

  /** The lower-snake-case value used in the API and in stored JSON ({@code monthly_income}). */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this is a contact column of the lead rather than a collected fact. */
  public boolean isContact() {
    return this == NAME || this == PHONE || this == EMAIL;
  }

  /** Parses an API value; throws {@link IllegalArgumentException} when it is unknown. */
  public static LeadField fromApiValue(String value) {
    Objects.requireNonNull(value, "lead field must not be null");
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (LeadField f : values()) {
      if (f.apiValue().equals(v)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown lead field: " + value);
  }
}
