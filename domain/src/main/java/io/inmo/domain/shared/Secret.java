package io.inmo.domain.shared;

import java.util.Objects;

/**
 * A secret (bot token, API key, provider credential) that prints masked ({@code ••••1234}) so it
 * never leaks into logs or API responses; only {@link #reveal()} yields the plaintext.
 */
public final class Secret {
  private static final String MASK = "••••";
  private static final int MIN_LENGTH_TO_SHOW_TAIL = 8;

  private final String value;

  private Secret(String value) {
    Objects.requireNonNull(value, "secret must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret must not be blank");
    }
    this.value = value;
  }

  /** Wraps a plaintext secret; rejects null and blank values. */
  public static Secret of(String plaintext) {
    return new Secret(plaintext);
  }

  /** The plaintext; call only where the secret is actually used (HTTP header, encryption). */
  public String reveal() {
    return value;
  }

  /** {@code ••••} plus the last four characters, or only {@code ••••} for secrets under 8 chars. */
  public String masked() {
    if (value.length() < MIN_LENGTH_TO_SHOW_TAIL) {
      return MASK;
    }
    return MASK + value.substring(value.length() - 4);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return masked();
  }
}
