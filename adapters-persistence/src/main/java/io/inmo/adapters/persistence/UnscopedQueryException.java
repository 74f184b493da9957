package io.inmo.adapters.persistence;

/**
 * Thrown by {@link TenantGuard} before a statement reaches the database when it reads or writes a
 * broker-owned table without constraining that table's {@code broker_id}: a programming error that
 * could show one brokerage another one's data, so it fails loudly instead of running. Fix the query
 * (scope it by broker) or, for a lookup that really crosses brokerages, mark it with {@link
 * PlatformScope}.
 */
public final class UnscopedQueryException extends IllegalStateException {
  private final String table;
  private final String sql;

  /**
   * @param table the broker-owned table the statement does not scope
   * @param reason what is missing, e.g. {@code table leads (alias l1_0) is not constrained by ...}
   * @param sql the statement as Hibernate was about to send it
   */
  public UnscopedQueryException(String table, String reason, String sql) {
    super(
        "unscoped query of broker-owned table "
            + table
            + ": "
            + reason
            + ". Every statement on a broker-owned table must constrain its broker_id in the WHERE"
            + " or ON clause (alias.broker_id = ? joined by AND), be an INSERT, or be an"
            + " UPDATE/DELETE by primary key of an entity loaded through a scoped query; a lookup"
            + " that legitimately crosses brokerages must be marked with PlatformScope.hint(query,"
            + " why). SQL: "
            + sql);
    this.table = table;
    this.sql = sql;
  }

  /** The broker-owned table the statement does not scope. */
  public String table() {
    return table;
  }

  /** The rejected statement. */
  public String sql() {
    return sql;
  }
}
