package io.inmo.domain.campaign;

import java.util.Locale;

/** The lifecycle state of a campaign; only active campaigns run steps. */
public enum CampaignStatus {
  DRAFT,
  ACTIVE,
  PAUSED,
  COMPLETED,
  ARCHIVED;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static CampaignStatus fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (CampaignStatus candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown campaign status: " + value);
  }

  /** Whether a campaign may move from this status to {@code next}. */
  public boolean canTransitionTo(CampaignStatus next) {
    return switch (this) {
      case DRAFT -> next == ACTIVE || next == ARCHIVED;
      case ACTIVE -> next == PAUSED || next == COMPLETED;
      case PAUSED -> next == ACTIVE || next == ARCHIVED || next == COMPLETED;
      case COMPLETED -> next == ARCHIVED;
      case ARCHIVED -> false;
    };
  }

  /** Whether the campaign's definition (steps, trigger, name) may still be edited. */
  public boolean isEditable() {
    return this == DRAFT || this == PAUSED;
  }
}
