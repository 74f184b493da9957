package io.inmo.domain.campaign;

import java.util.Locale;

/** The channel a message template is written for; {@code ANY} fits every channel. */
public enum TemplateChannel {
  TELEGRAM,
  WHATSAPP,
  WEBCHAT,
  SMS,
  EMAIL,
  VOICE,
  ANY;

  /** The lower-snake-case value used in the API and in the database CHECK constraint. */
  public String apiValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an API value (case-insensitive); throws {@link IllegalArgumentException} when unknown.
   */
  public static TemplateChannel fromApiValue(String value) {
    if (value != null) {
      String normalised = value.trim().toUpperCase(Locale.ROOT);
      for (TemplateChannel candidate : values()) {
        if (candidate.name().equals(normalised)) {
          return candidate;
        }
      }
    }
    throw new IllegalArgumentException("unknown template channel: " + value);
  }
}
