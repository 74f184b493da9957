package io.inmo.domain.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** An e-mail address, trimmed and lower-cased so that comparisons are case-insensitive. */
public record Email(String value) {
  private static final Pattern SHAPE = Pattern.compile("[^\\s@]{1,64}@[^\\s@.]+(\\.[^\\s@.]+)+");

  public Email {
    Objects.requireNonNull(value, "email must not be null");
    value = value.strip().toLowerCase(Locale.ROOT);
    if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("not an e-mail address: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
