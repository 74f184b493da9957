package io.inmo.domain.notification;

import java.util.Locale;
import java.util.Objects;

/** What a notification is about; stored and sent by {@link #apiValue()}. */
public enum NotificationKind {
  /** A lead became hot under the broker's thresholds (PRODUCT §5, hot-lead alert). */
  LEAD_HOT,
  /** A lead's score reached the broker's configured alert score. */
  LEAD_SCORE_ALERT,
  /** The nightly digest: open leads of the recipient that nobody has worked for a while. */
  LEADS_STALE,
  /** A lead asked for a person, complained or turned hostile in a conversation (PRODUCT §7). */
  CONVERSATION_ESCALATED,
  /** The broker's AI cost reached its monthly budget; it is answered by the offline agent. */
  LLM_BUDGET_REACHED;

  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a stored or API value; throws {@link IllegalArgumentException} when unknown. */
  public static NotificationKind fromApiValue(String value) {
    Objects.requireNonNull(value, "notification kind must not be null");
    return valueOf(value.strip().toUpperCase(Locale.ROOT));
  }
}
