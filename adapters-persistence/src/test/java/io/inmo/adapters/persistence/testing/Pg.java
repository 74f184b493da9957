package io.inmo.adapters.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Test service: a reachable PostgreSQL server for the whole test run, injected by {@link
 * TestPostgres}; pools and databases it hands out are closed and dropped at the end of the run.
 *
 * @param jdbcUrl URL of the server's maintenance database (e.g. {@code .../test} or {@code
 *     .../postgres}); the user must be allowed to {@code CREATE DATABASE}
 * @param password empty for trust authentication
 * @param source where the server came from: {@code env}, {@code testcontainers} or {@code embedded}
 */
public record Pg(String jdbcUrl, String user, String password, String source) {

  /** A pooled data source on {@link #jdbcUrl()}'s own database, as it is (not migrated). */
  public DataSource dataSource() {
    return PgRuntime.of(this).maintenanceDataSource();
  }

  /**
   * A pooled data source on one migrated database shared by the whole run (migrated once). Rows
   * written by one test class are visible to the others; use {@link #freshDatabase()} for
   * isolation.
   */
  public DataSource migratedDataSource() {
    return PgRuntime.of(this).sharedDatabase().dataSource();
  }

  /**
   * A new, private, migrated database (a copy of a template migrated once per run); dropped at the
   * end of the run. Tests with constructor or {@code @BeforeAll} parameters of type {@link
   * PgDatabase} get one per test class instead, dropped when the class finishes.
   */
  public PgDatabase freshDatabase() {
    return PgRuntime.of(this).createDatabase();
  }

  /** Shortcut for {@code freshDatabase().dataSource()}. */
  public DataSource freshSchemaDataSource() {
    return freshDatabase().dataSource();
  }

  /** A new unpooled connection to {@link #jdbcUrl()}; the caller closes it. */
  public Connection connect() throws SQLException {
    return connect(jdbcUrl);
  }

  Connection connect(String url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (password != null && !password.isEmpty()) {
      properties.setProperty("password", password);
    }
    return DriverManager.getConnection(url, properties);
  }

  /** {@link #jdbcUrl()} pointing at another database on the same server. */
  public String jdbcUrlFor(String database) {
    String prefix = "jdbc:postgresql://";
    if (!jdbcUrl.startsWith(prefix)) {
      throw new IllegalStateException("not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    int hostsEnd = jdbcUrl.indexOf('/', prefix.length());
    int queryStart = jdbcUrl.indexOf('?', prefix.length());
    String query = queryStart < 0 ? "" : jdbcUrl.substring(queryStart);
    String hosts;
    if (hostsEnd < 0 || (queryStart >= 0 && hostsEnd > queryStart)) {
      hosts = jdbcUrl.substring(prefix.length(), queryStart < 0 ? jdbcUrl.length() : queryStart);
    } else {
      hosts = jdbcUrl.substring(prefix.length(), hostsEnd);
    }
    return prefix + hosts + "/" + database + query;
  }

  @Override
  public String toString() {
    // never print the password
    return "Pg[" + jdbcUrl + ", user=" + user + ", source=" + source + "]";
  }
}
