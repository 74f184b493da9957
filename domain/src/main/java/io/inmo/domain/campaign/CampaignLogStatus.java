package io.inmo.domain.campaign;

import java.util.Locale;

/**
 * The outcome of one campaign step for one lead: pending until it runs, then sent, failed or
 * skipped.
 */
public enum CampaignLogStatus {
  PENDING,
  SENT,
  FAILED,
  SKIPPED;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static CampaignLogStatus fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (CampaignLogStatus candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown campaign log status: " + value);
  }

  /** Whether the step has run (any status but {@code PENDING}). */
  public boolean isExecuted() {
    return this != PENDING;
  }
}
