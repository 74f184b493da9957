package io.inmo.domain.shared;

import java.util.Objects;

/**
 * A violated business rule. The {@code code} is stable ({@code <area>.<snake_case>}) and reaches
 * API clients in problem+json bodies; the message is for humans and never carries secrets.
 */
public class DomainException extends RuntimeException {
  private final String code;

  public DomainException(String code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  public String code() {
    return code;
  }
}
