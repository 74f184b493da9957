package io.inmo.adapters.persistence.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.application.port.out.RateLimiterPort;
import io.inmo.application.port.out.RateLimiterPort.Decision;
import io.inmo.application.port.out.RateLimiterPort.RateLimit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InProcessRateLimiterTest extends RateLimiterPortContract {
  private InProcessRateLimiter limiter;

  /** A hand-moved nanosecond clock for the deterministic tests (starts away from zero). */
  private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);

  @BeforeEach
  void newLimiter() {
    limiter = new InProcessRateLimiter();
  }

  @Override
  RateLimiterPort limiter() {
    return limiter;
  }

  @Test
  void givenWindowExhausted_whenTwentySecondsLater_thenRetryAfterIsRestOfTheWindow() {
    InProcessRateLimiter manual = new InProcessRateLimiter(1_000, clock::get);
    RateLimit login = limit("login", 3, Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      assertThat(manual.tryAcquire(login, VALENTINA)).isEqualTo(Decision.ALLOWED);
    }

    advance(Duration.ofSeconds(20));
    Decision rejected = manual.tryAcquire(login, VALENTINA);
    advance(Duration.ofSeconds(39));
    Decision stillRejected = manual.tryAcquire(login, VALENTINA);
    advance(Duration.ofSeconds(1));
    Decision nextWindow = manual.tryAcquire(login, VALENTINA);

    assertThat(rejected).isEqualTo(Decision.rejected(Duration.ofSeconds(40)));
    assertThat(stillRejected).isEqualTo(Decision.rejected(Duration.ofSeconds(1)));
    assertThat(nextWindow).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void givenKeysIdleForOnePeriod_whenCacheCleaned_thenTheirLimitersAreDropped() {
    InProcessRateLimiter manual = new InProcessRateLimiter(1_000, clock::get);
    RateLimit login = limit("login", 1, Duration.ofMinutes(15));
    manual.tryAcquire(login, VALENTINA);
    manual.tryAcquire(login, DIEGO);
    assertThat(manual.size()).isEqualTo(2);

    advance(Duration.ofMinutes(10));
    assertThat(manual.tryAcquire(login, VALENTINA).allowed()).isFalse(); // touched again
    advance(Duration.ofMinutes(5).plusSeconds(1));

    assertThat(manual.size()).isEqualTo(1); // Diego's idle limiter is gone, Valentina's stays
    advance(Duration.ofMinutes(15));
    assertThat(manual.size()).isZero();
    assertThat(manual.tryAcquire(login, DIEGO)).isEqualTo(Decision.ALLOWED);
  }

  @Test
  void givenFloodOfDistinctKeys_whenMoreThanTheBound_thenCacheStaysBounded() {
    InProcessRateLimiter bounded = new InProcessRateLimiter(100, clock::get);
    RateLimit perIp = limit("login-ip", 5, Duration.ofHours(1));

    for (int i = 0; i < 1_000; i++) {
      bounded.tryAcquire(perIp, "190.22." + (i / 256) + "." + (i % 256));
    }

    assertThat(bounded.size()).isLessThanOrEqualTo(100);
  }

  @Test
  void givenSameNameWithDifferentPermits_whenAcquiring_thenEachLimitCountsOnItsOwn() {
    RateLimit strict = new RateLimit("login-same-name", 1, Duration.ofMinutes(1));
    RateLimit lenient = new RateLimit("login-same-name", 3, Duration.ofMinutes(1));

    assertThat(limiter.tryAcquire(strict, VALENTINA).allowed()).isTrue();
    assertThat(limiter.tryAcquire(strict, VALENTINA).allowed()).isFalse();
    assertThat(limiter.tryAcquire(lenient, VALENTINA).allowed()).isTrue();
  }

  private void advance(Duration by) {
    clock.addAndGet(by.toNanos());
  }
}
