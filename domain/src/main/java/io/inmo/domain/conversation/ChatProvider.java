package io.inmo.domain.conversation;

import java.util.Locale;

/** The messaging channel a chat message travels over: Telegram, WhatsApp or the web chat widget. */
public enum ChatProvider {
  TELEGRAM,
  WHATSAPP,
  WEBCHAT;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static ChatProvider fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (ChatProvider candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown chat provider: " + value);
  }
}
