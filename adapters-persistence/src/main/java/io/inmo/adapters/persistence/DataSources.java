package io.inmo.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;

/** Factory of pooled JDBC data sources (HikariCP) for PostgreSQL. */
public final class DataSources {
  private DataSources() {}

  /**
   * A started Hikari pool of at most {@code poolSize} connections; the caller closes it. Fails fast
   * (a {@link RuntimeException}) when the database cannot be reached.
   *
   * @param password may be null or empty (trust authentication)
   */
  public static HikariDataSource hikari(String url, String user, String password, int poolSize) {
    Objects.requireNonNull(url, "url");
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password == null || password.isEmpty() ? null : password);
    config.setMaximumPoolSize(poolSize);
    // a small idle floor instead of a fixed-size pool: test classes and tools open many small pools
    config.setMinimumIdle(1);
    config.setPoolName("inmo-" + Integer.toHexString(System.identityHashCode(config)));
    // fail fast when PostgreSQL is gone: readiness turns 503 and webhooks answer 503 (providers
    // retry) instead of holding requests for the default 30 s
    config.setConnectionTimeout(3_000);
    config.setValidationTimeout(1_000);
    return new HikariDataSource(config);
  }
}
