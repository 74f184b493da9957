package io.inmo.adapters.persistence.testing;

import javax.sql.DataSource;

/**
 * Test service: one private database, migrated to the current schema, on the run's {@link Pg}
 * server; inject it into a test class (constructor or {@code @BeforeAll} parameter) through {@link
 * TestPostgres} so that classes never see each other's rows.
 *
 * @param dataSource a small Hikari pool on {@link #jdbcUrl()}, closed with the database
 */
public record PgDatabase(
    String name, String jdbcUrl, String user, String password, DataSource dataSource) {

  @Override
  public String toString() {
    return "PgDatabase[" + jdbcUrl + ", user=" + user + "]";
  }
}
