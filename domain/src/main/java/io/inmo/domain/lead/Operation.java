package io.inmo.domain.lead;

import java.util.Locale;
import java.util.Objects;

/** What the lead wants to do with a property: buy it or rent it. */
public enum Operation {
  BUY("buy"),
  RENT("rent");

  private final String apiValue;

  Operation(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The lower-snake-case value used in the API and in storage. */
  public String apiValue() {
    return apiValue;
  }

  /** Parses an API value in any case; throws {@link IllegalArgumentException} when unknown. */
  public static Operation fromApiValue(String value) {
    Objects.requireNonNull(value, "operation must not be null");
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (Operation e : values()) {
      if (e.apiValue.equals(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown operation: " + value);
  }
}
