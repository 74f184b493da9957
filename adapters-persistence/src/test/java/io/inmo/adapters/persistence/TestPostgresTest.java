package io.inmo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.adapters.persistence.testing.Pg;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class TestPostgresTest {
  private final PgDatabase classDatabase;

  TestPostgresTest(PgDatabase classDatabase) {
    this.classDatabase = classDatabase;
  }

  @Test
  void givenTwoFreshDatabases_whenRowInsertedInOne_thenTheOtherDoesNotSeeIt(Pg pg)
      throws SQLException {
    PgDatabase first = pg.freshDatabase();
    PgDatabase second = pg.freshDatabase();

    execute(
        first.dataSource(),
        "INSERT INTO brokers (id, name, slug, business_hours) VALUES ('"
            + UUID.randomUUID()
            + "', 'A', 'isolated', '{}')");

    assertThat(first.name()).isNotEqualTo(second.name());
    assertThat(count(first.dataSource(), "SELECT count(*) FROM brokers")).isEqualTo(1);
    assertThat(count(second.dataSource(), "SELECT count(*) FROM brokers")).isZero();
  }

  @Test
  void givenClassDatabase_whenInjectedIntoConstructorAndMethod_thenSameDatabase(
      PgDatabase methodDatabase) {
    assertThat(methodDatabase).isSameAs(classDatabase);
    assertThat(classDatabase.name()).startsWith("inmo_test_");
  }

  @Test
  void givenPg_whenMigratedDataSourceRequestedTwice_thenSameMigratedDatabase(Pg pg)
      throws SQLException {
    DataSource migrated = pg.migratedDataSource();

    assertThat(pg.migratedDataSource()).isSameAs(migrated);
    assertThat(count(migrated, "SELECT count(*) FROM databasechangelog")).isPositive();
    assertThat(pg.dataSource()).isSameAs(pg.dataSource());
    assertThat(pg.source()).isIn("env", "testcontainers", "embedded");
  }

  @Test
  void givenJdbcUrlWithParameters_whenPointedAtOtherDatabase_thenOnlyTheDatabaseChanges() {
    Pg pg = new Pg("jdbc:postgresql://127.0.0.1:5432/test?sslmode=disable", "u", "", "env");

    assertThat(pg.jdbcUrlFor("other"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/other?sslmode=disable");
    assertThat(new Pg("jdbc:postgresql://h:1/", "u", "", "env").jdbcUrlFor("x"))
        .isEqualTo("jdbc:postgresql://h:1/x");
    assertThat(new Pg("jdbc:postgresql://h:1", "u", "", "env").jdbcUrlFor("x"))
        .isEqualTo("jdbc:postgresql://h:1/x");
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
