package io.inmo.adapters.persistence.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.inmo.application.port.out.RateLimiterPort;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Rate limiter kept in this JVM: one Resilience4j {@link RateLimiter} per (limit, key), i.e. a
 * fixed window of {@code permits} per {@code period} that starts when the key is first seen.
 *
 * <p>The limiters live in a bounded Caffeine cache. An entry expires once it has not been used for
 * one period of its limit: by then its window has rolled over and its permits are full again, so
 * dropping it and later creating a fresh one is indistinguishable to callers. Under a flood of
 * distinct keys the cache evicts (size-based, at most {@link #DEFAULT_MAX_KEYS}) instead of growing
 * without bound; an evicted key merely starts a fresh window.
 *
 * <p>Counts are per node: with several nodes use {@link RedisRateLimiter}, which falls back to this
 * class while Redis is unreachable.
 */
public final class InProcessRateLimiter implements RateLimiterPort {
  /** How many (limit, key) pairs are remembered at most. */
  public static final long DEFAULT_MAX_KEYS = 100_000;

  /** The smallest wait reported to a rejected caller, so that it is never zero. */
  private static final long MIN_RETRY_NANOS = Duration.ofMillis(1).toNanos();

  private final Cache<Bucket, AtomicRateLimiter> limiters;
  private final LongSupplier nanoTime;

  /** A limiter remembering at most {@link #DEFAULT_MAX_KEYS} keys, on the system clock. */
  public InProcessRateLimiter() {
    this(DEFAULT_MAX_KEYS, System::nanoTime);
  }

  /** For tests: a limiter of at most {@code maxKeys} keys on the given nanosecond clock. */
  InProcessRateLimiter(long maxKeys, LongSupplier nanoTime) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be ≥ 1");
    }
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.limiters =
        Caffeine.newBuilder()
            .maximumSize(maxKeys)
            .expireAfter(new IdleForOnePeriod())
            .ticker(nanoTime::getAsLong)
            .build();
  }

  @Override
  public Decision tryAcquire(RateLimit limit, String key) {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(key, "key");
    AtomicRateLimiter limiter = limiters.get(new Bucket(limit, key), this::newLimiter);
    if (limiter.acquirePermission()) {
      return Decision.ALLOWED;
    }
    // with timeoutDuration 0 a rejection reserves nothing: the wait is the rest of the cycle
    // (≤ 0 when the cycle rolled over between the attempt and the measurement)
    long nanos = limiter.getDetailedMetrics().getNanosToWait();
    long period = limit.period().toNanos();
    return Decision.rejected(Duration.ofNanos(Math.min(Math.max(nanos, MIN_RETRY_NANOS), period)));
  }

  /** How many (limit, key) limiters are held right now; for tests and metrics. */
  long size() {
    limiters.cleanUp();
    return limiters.estimatedSize();
  }

  private AtomicRateLimiter newLimiter(Bucket bucket) {
    RateLimiterConfig config =
        RateLimiterConfig.custom()
            .limitForPeriod(bucket.limit().permits())
            .limitRefreshPeriod(bucket.limit().period())
            .timeoutDuration(Duration.ZERO)
            .build();
    // the name only shows in Resilience4j events and metrics: never put the raw key (PII) there
    return (AtomicRateLimiter)
        RateLimiter.of(bucket.limit().name(), config, () -> nanoTime.getAsLong());
  }

  /** One window's identity: the whole limit (name, permits, period) and the caller's key. */
  private record Bucket(RateLimit limit, String key) {}

  /** Drops a limiter after one idle period of its own limit. */
  private static final class IdleForOnePeriod implements Expiry<Bucket, AtomicRateLimiter> {
    @Override
    public long expireAfterCreate(Bucket bucket, AtomicRateLimiter limiter, long currentTime) {
      return idle(bucket);
    }

    @Override
    public long expireAfterUpdate(
        Bucket bucket, AtomicRateLimiter limiter, long currentTime, long currentDuration) {
      return idle(bucket);
    }

    @Override
    public long expireAfterRead(
        Bucket bucket, AtomicRateLimiter limiter, long currentTime, long currentDuration) {
      return idle(bucket);
    }

    private static long idle(Bucket bucket) {
      return bucket.limit().period().toNanos();
    }
  }
}
