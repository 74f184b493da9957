package io.inmo.domain.activity;

import java.util.Locale;

/** What happened to a lead, as recorded in its activity log. */
public enum ActivityType {
  MESSAGE_RECEIVED,
  MESSAGE_SENT,
  STAGE_CHANGED,
  SCORE_CHANGED,
  FACTS_UPDATED,
  CALL,
  APPOINTMENT,
  CAMPAIGN_STEP,
  TAKEOVER,
  RELEASE,
  ESCALATION,
  OPT_OUT,
  NOTE,
  LEAD_CREATED,
  LEAD_UPDATED,
  LEAD_DELETED,
  ASSIGNED,
  LEAD_CLOSED,
  LEAD_REOPENED,
  /** The nightly job found the lead unworked for the broker's stale period. */
  LEAD_STALE;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static ActivityType fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (ActivityType candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown activity type: " + value);
  }
}
