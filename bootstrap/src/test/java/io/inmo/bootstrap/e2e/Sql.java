package io.inmo.bootstrap.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** Plain JDBC for end-to-end tests: what the API wrote, read straight from the database. */
final class Sql {
  private final DataSource dataSource;
  private Set<String> snapshotSkipped;
  private String snapshotQuery;

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

  /**
   * Every row of every table of the public schema but the given ones, as text, so that two
   * snapshots are equal exactly when nothing was written in between.
   */
  String snapshot(Set<String> skipped) throws Exception {
    if (!skipped.equals(snapshotSkipped)) {
      snapshotQuery = snapshotQuery(skipped);
      snapshotSkipped = Set.copyOf(skipped);
    }
    return text(snapshotQuery);
  }

  private String snapshotQuery(Set<String> skipped) throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                        + " 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      while (rows.next()) {
        if (!skipped.contains(rows.getString(1))) {
          tables.add(rows.getString(1));
        }
      }
    }
    StringBuilder query = new StringBuilder("SELECT concat_ws(E'\\n'");
    for (String table : tables) {
      query
          .append(", '")
          .append(table)
          .append(": ' || (SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY")
          .append(" t::text)), '') FROM \"")
          .append(table)
          .append("\" t)");
    }
    return query.append(")").toString();
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
