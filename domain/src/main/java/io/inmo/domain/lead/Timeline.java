package io.inmo.domain.lead;

import java.util.Locale;
import java.util.Objects;

/** How soon the lead means to buy or rent. */
public enum Timeline {
  IMMEDIATE("immediate"),
  DAYS_30("30_days"),
  DAYS_90("90_days"),
  JUST_LOOKING("just_looking");

  private final String apiValue;

  Timeline(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The lower-snake-case value used in the API and in storage. */
  public String apiValue() {
    return apiValue;
  }

  /** Parses an API value in any case; throws {@link IllegalArgumentException} when unknown. */
  public static Timeline fromApiValue(String value) {
    Objects.requireNonNull(value, "timeline must not be null");
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (Timeline e : values()) {
      if (e.apiValue.equals(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown timeline: " + value);
  }
}
