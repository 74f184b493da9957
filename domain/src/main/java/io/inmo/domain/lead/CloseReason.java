package io.inmo.domain.lead;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why a lead's deal was closed: a stable lower-snake-case code ({@code not_qualified}, {@code
 * bought_elsewhere}, {@code sold}) plus an optional free-text detail.
 *
 * @param detail nullable; blank becomes null
 */
public record CloseReason(String code, String detail) {
  public static final int MAX_CODE_LENGTH = 50;
  public static final int MAX_DETAIL_LENGTH = 2_000;
  public static final String NOT_QUALIFIED = "not_qualified";

  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");

  public CloseReason {
    Objects.requireNonNull(code, "close reason must not be null");
    code = code.strip().toLowerCase(Locale.ROOT);
    if (code.length() > MAX_CODE_LENGTH || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "close reason must be lower snake case, 1.." + MAX_CODE_LENGTH + " chars: " + code);
    }
    if (detail != null) {
      detail = detail.strip();
      if (detail.isEmpty()) {
        detail = null;
      } else if (detail.length() > MAX_DETAIL_LENGTH) {
        throw new IllegalArgumentException(
            "close detail must be at most " + MAX_DETAIL_LENGTH + " chars");
      }
    }
  }

  public static CloseReason of(String code) {
    return new CloseReason(code, null);
  }

  public static CloseReason of(String code, String detail) {
    return new CloseReason(code, detail);
  }

  /** The reason automatic closing uses when financial qualification fails. */
  public static CloseReason notQualified() {
    return new CloseReason(NOT_QUALIFIED, null);
  }
}
