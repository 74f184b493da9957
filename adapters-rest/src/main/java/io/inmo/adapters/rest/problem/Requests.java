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
}
