package io.inmo.domain.campaign;

import java.util.Locale;

/**
 * What enrols a lead in a campaign; triggers other than manual and new lead need one key in the
 * trigger config.
 */
public enum CampaignTrigger {
  MANUAL(null),
  STAGE_CHANGE("stage"),
  SCORE_THRESHOLD("min_score"),
  INACTIVITY("inactive_hours"),
  NEW_LEAD(null);

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static CampaignTrigger fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (CampaignTrigger candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown campaign trigger: " + value);
  }

  private final String requiredConfigKey;

  CampaignTrigger(String requiredConfigKey) {
    this.requiredConfigKey = requiredConfigKey;
  }

  /**
   * The trigger-config key this trigger needs, or null: {@code stage} (a pipeline stage API value
   * the lead enters), {@code min_score} (0..100), {@code inactive_hours} (a positive integer).
   */
  public String requiredConfigKey() {
    return requiredConfigKey;
  }
}
