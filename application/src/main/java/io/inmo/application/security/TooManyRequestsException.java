package io.inmo.application.security;

import io.inmo.domain.shared.DomainException;
import java.time.Duration;
import java.util.Objects;

/** A rate limit was reached; the caller may try again after {@link #retryAfter()}. Answered 429. */
public class TooManyRequestsException extends DomainException {
  private final Duration retryAfter;

  public TooManyRequestsException(String code, String message, Duration retryAfter) {
    super(code, message);
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
