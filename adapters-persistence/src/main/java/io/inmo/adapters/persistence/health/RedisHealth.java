package io.inmo.adapters.persistence.health;

import io.inmo.application.port.out.DependencyHealthPort;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Readiness probe of Redis: a {@code PING} with a short timeout. Not critical: without Redis the
 * service degrades to the database (PRODUCT.md §14), so it is reported as degraded, not down.
 */
public final class RedisHealth implements DependencyHealthPort {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private final StatefulRedisConnection<String, String> connection;

  public RedisHealth(StatefulRedisConnection<String, String> connection) {
    this.connection = connection;
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public boolean critical() {
    return false;
  }

  @Override
  public Health check() {
    long started = System.nanoTime();
    try {
      String pong = connection.async().ping().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      long elapsed = (System.nanoTime() - started) / 1_000_000;
      return "PONG".equals(pong)
          ? Health.up(elapsed)
          : Health.down("unexpected PING answer", elapsed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down("interrupted", (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
      return Health.down("redis unreachable", (System.nanoTime() - started) / 1_000_000);
    }
  }
}
