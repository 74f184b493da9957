package io.inmo.domain.lead;

import java.util.Locale;
import java.util.Objects;

/** The kind of property a lead looks for. */
public enum PropertyType {
  HOUSE("house"),
  APARTMENT("apartment"),
  OFFICE("office"),
  LAND("land"),
  OTHER("other");

  private final String apiValue;

  PropertyType(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The lower-snake-case value used in the API and in storage. */
  public String apiValue() {
    return apiValue;
  }

  /** Parses an API value in any case; throws {@link IllegalArgumentException} when unknown. */
  public static PropertyType fromApiValue(String value) {
    Objects.requireNonNull(value, "property type must not be null");
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (PropertyType e : values()) {
      if (e.apiValue.equals(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown property type: " + value);
  }
}
