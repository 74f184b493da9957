package io.inmo.adapters.rest.problem;

import java.util.List;

/**
 * A request the client must fix; thrown by {@link Requests#parse} and resources, answered as a 400
 * problem with a stable code.
 */
public final class BadRequestException extends RuntimeException {
  private final String code;
  private final List<Problem.FieldError> errors;

  public BadRequestException(String code, String message) {
    this(code, message, List.of());
  }

  public BadRequestException(String code, String message, List<Problem.FieldError> errors) {
    super(message);
    this.code = code;
    this.errors = List.copyOf(errors);
  }

  public String code() {
    return code;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
