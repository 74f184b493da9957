package io.inmo.application.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * Outbound port: counts calls per key against a named limit ({@code permits} per {@code period}).
 * Implementations share the count across nodes when Redis is configured and keep it in-process
 * otherwise.
 */
public interface RateLimiterPort {

  /** Takes one permit for {@code key} under {@code limit}. */
  Decision tryAcquire(RateLimit limit, String key);

  /** A limit: at most {@code permits} calls per {@code period} for each key. */
  record RateLimit(String name, int permits, Duration period) {
    public RateLimit {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(period, "period");
      if (permits < 1 || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("a rate limit needs permits ≥ 1 and a period > 0");
      }
    }
  }

  /** Whether the call may go ahead, and if not, how long until it may. */
  record Decision(boolean allowed, Duration retryAfter) {
    public static final Decision ALLOWED = new Decision(true, Duration.ZERO);

    public static Decision rejected(Duration retryAfter) {
      return new Decision(false, retryAfter);
    }
  }
}
