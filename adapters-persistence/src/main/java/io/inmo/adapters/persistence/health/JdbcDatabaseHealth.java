package io.inmo.adapters.persistence.health;

import io.inmo.application.port.out.DependencyHealthPort;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Readiness probe of PostgreSQL: borrows a pooled connection and runs {@code SELECT 1}. */
public final class JdbcDatabaseHealth implements DependencyHealthPort {
  private final DataSource dataSource;

  public JdbcDatabaseHealth(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public boolean critical() {
    return true;
  }

  @Override
  public Health check() {
    long started = System.nanoTime();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(2);
      statement.execute("SELECT 1");
      return Health.up(elapsed(started));
    } catch (SQLException | RuntimeException e) {
      // SQLState only: messages may contain host names or user names
      String state =
          e instanceof SQLException sql && sql.getSQLState() != null
              ? " (SQLState " + sql.getSQLState() + ")"
              : "";
      return Health.down("database unreachable" + state, elapsed(started));
    }
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
