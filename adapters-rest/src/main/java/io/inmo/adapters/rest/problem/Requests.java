package io.inmo.adapters.rest.problem;

import java.util.function.Supplier;

/**
 * Turns input violations raised while building a command (IllegalArgumentException,
 * NullPointerException from a record's compact constructor) into a 400 problem. Used only around
 * parsing, so that a bug deeper down still surfaces as a 500.
 */
public final class Requests {
  private Requests() {}

  public static <T> T parse(Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      String message = e.getMessage() == null ? "falta un dato obligatorio" : e.getMessage();
      throw new BadRequestException("request.invalid", message);
    }
  }

  /** Rejects a missing JSON body before it turns into a NullPointerException. */
  public static <T> T requireBody(T body) {
    if (body == null) {
      throw new BadRequestException(
          "request.body_missing", "El cuerpo JSON de la solicitud es obligatorio.");
    }
    return body;
  }

  /**
   * An optional whole-number query parameter: absent or blank → null; otherwise an integer or
   * {@link IllegalArgumentException} (400 inside {@link #parse}).
   */
  public static Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " debe ser un número entero");
    }
  }

  /** As {@link #integer(String, String)} with {@code fallback} when absent. */
  public static int integer(String name, String value, int fallback) {
    Integer parsed = integer(name, value);
    return parsed == null ? fallback : parsed;
  }

  /**
   * An optional yes/no query parameter: absent or blank → null; {@code true}/{@code 1} or {@code
   * false}/{@code 0}; anything else {@link IllegalArgumentException} (400 inside {@link #parse}).
   */
  public static Boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new IllegalArgumentException(name + " debe ser true o false");
    };
  }
}
