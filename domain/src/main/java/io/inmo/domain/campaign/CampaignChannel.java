package io.inmo.domain.campaign;

import java.util.Locale;

/** The channel a campaign reaches leads through; {@code ANY} uses each lead's own channel. */
public enum CampaignChannel {
  TELEGRAM,
  WHATSAPP,
  WEBCHAT,
  VOICE,
  ANY;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static CampaignChannel fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (CampaignChannel candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown campaign channel: " + value);
  }
}
