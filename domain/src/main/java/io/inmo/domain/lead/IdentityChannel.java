package io.inmo.domain.lead;

import java.util.Locale;
import java.util.Objects;

/**
 * A channel on which a lead can be recognised: messaging ids, phone, e-mail or a web-chat session.
 */
public enum IdentityChannel {
  TELEGRAM("telegram"),
  WHATSAPP("whatsapp"),
  PHONE("phone"),
  EMAIL("email"),
  WEBCHAT("webchat");

  private final String apiValue;

  IdentityChannel(String apiValue) {
    this.apiValue = apiValue;
  }

  /** The lower-snake-case value used in the API and in storage. */
  public String apiValue() {
    return apiValue;
  }

  /** Parses an API value in any case; throws {@link IllegalArgumentException} when unknown. */
  public static IdentityChannel fromApiValue(String value) {
    Objects.requireNonNull(value, "identity channel must not be null");
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (IdentityChannel e : values()) {
      if (e.apiValue.equals(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown identity channel: " + value);
  }
}
