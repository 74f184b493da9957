package io.inmo.domain.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +56912345678}); identifies a lead on WhatsApp and voice
 * channels. Parsing of local spellings ({@code 9 1234 5678}) happens in an adapter with
 * libphonenumber; the domain only accepts the normalised form.
 */
public record PhoneNumber(String value) {
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

  public PhoneNumber {
    Objects.requireNonNull(value, "phone must not be null");
    value = value.replaceAll("[\\s().-]", "");
    if (!E164.matcher(value).matches()) {
      throw new IllegalArgumentException("not an E.164 phone number: " + value);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
