package io.inmo.domain.scoring;

import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of financial qualification from income, DICOM status and debt; stored by {@link
 * #name()} ({@code QUALIFIED|POTENTIAL|NOT_QUALIFIED}), null while unknown.
 */
public enum Qualification {
  QUALIFIED,
  POTENTIAL,
  NOT_QUALIFIED;

  /**
   * Parses a stored or API value in any case; throws {@link IllegalArgumentException} when unknown.
   */
  public static Qualification fromName(String value) {
    Objects.requireNonNull(value, "qualification must not be null");
    return valueOf(value.strip().toUpperCase(Locale.ROOT));
  }
}
