package io.inmo.domain.lead;

import java.util.Locale;
import java.util.Objects;

/** How the lead means to pay: mortgage, cash, a state housing subsidy, or not yet known. */
public enum Financing {
  MORTGAGE("mortgage"),
  CASH("cash"),
  SUBSIDY("subsidy"),
  UNKNOWN("unknown");

  private final String apiValue;

  Financing(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The lower-snake-case value used in the API and in storage. */
  public String apiValue() {
    return apiValue;
  }

  /** Parses an API value in any case; throws {@link IllegalArgumentException} when unknown. */
  public static Financing fromApiValue(String value) {
    Objects.requireNonNull(value, "financing must not be null");
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (Financing e : values()) {
      if (e.apiValue.equals(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown financing: " + value);
  }
}
