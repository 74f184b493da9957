package io.inmo.application.service.identity;

import io.inmo.application.port.out.RateLimiterPort;
import io.inmo.application.port.out.RateLimiterPort.Decision;
import io.inmo.application.port.out.RateLimiterPort.RateLimit;
import io.inmo.application.security.TooManyRequestsException;

/** Takes a permit or refuses the call with 429 and the limiter's {@code Retry-After}. */
final class Throttle {
  private Throttle() {}

  static void acquire(
      RateLimiterPort limiter, RateLimit limit, String key, String code, String message) {
    Decision decision = limiter.tryAcquire(limit, key);
    if (!decision.allowed()) {
      throw new TooManyRequestsException(code, message, decision.retryAfter());
    }
  }
}
