package io.inmo.bootstrap.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/** Plain JDBC for end-to-end tests: what the API wrote, read straight from the database. */
final class Sql {
  private final DataSource dataSource;

  Sql(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  long count(String sql, String... args) throws Exception {
    return Long.parseLong(text(sql, args));
  }

  /** The first column of the first row, as text. */
  String text(String sql, String... args) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, args);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return rows.getString(1);
    }
  }

  void execute(String sql, String... args) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = prepare(connection, sql, args)) {
      statement.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection connection, String sql, String... args)
      throws Exception {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setString(i + 1, args[i]);
    }
    return statement;
  }
}
