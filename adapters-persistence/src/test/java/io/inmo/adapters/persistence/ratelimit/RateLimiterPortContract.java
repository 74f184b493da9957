package io.inmo.adapters.persistence.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.application.port.out.RateLimiterPort;
import io.inmo.application.port.out.RateLimiterPort.Decision;
import io.inmo.application.port.out.RateLimiterPort.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every {@link RateLimiterPort} adapter shares; a subclass supplies the limiter. Limit
 * names get a random suffix, so reruns against a long-lived Redis never meet old counters.
 */
abstract class RateLimiterPortContract {
  static final String VALENTINA = "valentina.soto@propiedadesandes.cl";
  static final String DIEGO = "diego.fuentes@propiedadesandes.cl";
  static final String IP_SANTIAGO = "190.22.45.17";
  static final String IP_VINA = "200.83.120.4";

  /** The limiter under test; the same instance for every call of one test. */
  abstract RateLimiterPort limiter();

  @Test
  void givenFivePermitsPerMinute_whenSixthLoginAttempt_thenRejectedWithRetryAfterWithinPeriod() {
    RateLimit login = limit("login", 5, Duration.ofMinutes(1));

    List<Decision> first5 = acquire(login, VALENTINA, 5);
    Decision sixth = limiter().tryAcquire(login, VALENTINA);

    assertThat(first5).containsOnly(Decision.ALLOWED);
    assertThat(sixth.allowed()).isFalse();
    assertThat(sixth.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void givenExhaustedKey_whenCallingAgain_thenStillRejectedEveryTime() {
    RateLimit reset = limit("password-reset", 3, Duration.ofMinutes(10));
    acquire(reset, VALENTINA, 3);

    List<Decision> more = acquire(reset, VALENTINA, 4);

    assertThat(more).allSatisfy(d -> assertThat(d.allowed()).isFalse());
    assertThat(more)
        .allSatisfy(
            d -> assertThat(d.retryAfter()).isPositive().isLessThanOrEqualTo(reset.period()));
  }

  @Test
  void givenExhaustedKey_whenAnotherKeyCalls_thenItHasItsOwnPermits() {
    RateLimit perIp = limit("login-ip", 2, Duration.ofMinutes(1));
    acquire(perIp, IP_SANTIAGO, 2);

    List<Decision> otherIp = acquire(perIp, IP_VINA, 2);

    assertThat(otherIp).containsOnly(Decision.ALLOWED);
    assertThat(limiter().tryAcquire(perIp, IP_SANTIAGO).allowed()).isFalse();
    assertThat(limiter().tryAcquire(perIp, IP_VINA).allowed()).isFalse();
  }

  @Test
  void givenKeyExhaustedUnderOneLimit_whenSameKeyUsesAnotherLimit_thenLimitsAreIndependent() {
    RateLimit login = limit("login", 2, Duration.ofMinutes(1));
    RateLimit reset = limit("password-reset", 2, Duration.ofMinutes(1));
    acquire(login, VALENTINA, 2);

    assertThat(limiter().tryAcquire(login, VALENTINA).allowed()).isFalse();
    assertThat(acquire(reset, VALENTINA, 2)).containsOnly(Decision.ALLOWED);
    assertThat(limiter().tryAcquire(reset, VALENTINA).allowed()).isFalse();
  }

  @Test
  void givenShortWindowExhausted_whenPeriodElapses_thenPermitsAreBack() {
    Duration period = Duration.ofMillis(300);
    RateLimit burst = limit("webhook-burst", 2, period);
    acquire(burst, DIEGO, 2);
    Decision rejected = limiter().tryAcquire(burst, DIEGO);
    long rejectedAt = System.nanoTime();

    assertThat(rejected.allowed()).isFalse();
    assertThat(rejected.retryAfter()).isPositive().isLessThanOrEqualTo(period);
    Decision later = pollUntilAllowed(burst, DIEGO, Duration.ofSeconds(5));
    assertThat(later).isEqualTo(Decision.ALLOWED);
    // not allowed again before the reported wait (minus slack for clocks and round trips)
    assertThat(Duration.ofNanos(System.nanoTime() - rejectedAt))
        .isGreaterThanOrEqualTo(rejected.retryAfter().minusMillis(50));
  }

  @Test
  void givenManyConcurrentCallers_whenAcquiringOneKey_thenExactlyPermitsAreAllowed()
      throws Exception {
    RateLimit login = limit("login", 30, Duration.ofMinutes(1));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> callers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        callers.add(
            () -> (int) acquire(login, VALENTINA, 5).stream().filter(Decision::allowed).count());
      }
      int allowed = 0;
      for (Future<Integer> f : pool.invokeAll(callers, 30, TimeUnit.SECONDS)) {
        allowed += f.get();
      }

      assertThat(allowed).isEqualTo(30);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenAllowedCall_whenDecided_thenRetryAfterIsZero() {
    Decision decision = limiter().tryAcquire(limit("login", 1, Duration.ofMinutes(1)), VALENTINA);

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.retryAfter()).isZero();
  }

  List<Decision> acquire(RateLimit limit, String key, int times) {
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      decisions.add(limiter().tryAcquire(limit, key));
    }
    return decisions;
  }

  Decision pollUntilAllowed(RateLimit limit, String key, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Decision decision = limiter().tryAcquire(limit, key);
      if (decision.allowed()) {
        return decision;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("still rejected after " + timeout + ": " + decision);
      }
      LockSupport.parkNanos(Math.min(decision.retryAfter().toNanos(), 20_000_000L));
    }
  }

  /** A limit named {@code name-<random>}. */
  static RateLimit limit(String name, int permits, Duration period) {
    String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    return new RateLimit(name + "-" + suffix, permits, period);
  }
}
