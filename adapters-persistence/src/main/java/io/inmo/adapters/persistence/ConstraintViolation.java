package io.inmo.adapters.persistence;

import java.util.Objects;

/**
 * A PostgreSQL integrity-constraint violation found in an exception chain: which kind, which
 * constraint (by its schema name, e.g. {@code brokers_slug_key}) and which table; repositories map
 * it to a domain exception.
 *
 * @param constraintName null when the server did not name it (e.g. a NOT NULL violation)
 * @param table null when the server did not report it
 */
public record ConstraintViolation(Kind kind, String sqlState, String constraintName, String table) {

  /** The constraint kinds, by PostgreSQL SQLSTATE (class 23, integrity constraint violation). */
  public enum Kind {
    /** 23505: a unique constraint or unique index. */
    UNIQUE("23505"),
    /** 23P01: an EXCLUDE constraint, e.g. a double-booked appointment. */
    EXCLUSION("23P01"),
    /** 23503: a foreign key (missing parent or remaining children). */
    FOREIGN_KEY("23503"),
    /** 23514: a CHECK constraint (an invalid enum value, a range). */
    CHECK("23514"),
    /** 23502: a NOT NULL column. */
    NOT_NULL("23502");

    private final String sqlState;

    Kind(String sqlState) {
      this.sqlState = sqlState;
    }

    /** The SQLSTATE PostgreSQL reports for this kind. */
    public String sqlState() {
      return sqlState;
    }

    /** The kind for {@code sqlState}, or null when it is not a constraint violation we map. */
    public static Kind ofSqlState(String sqlState) {
      for (Kind kind : values()) {
        if (kind.sqlState.equals(sqlState)) {
          return kind;
        }
      }
      return null;
    }
  }

  public ConstraintViolation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sqlState, "sqlState");
  }

  /** Whether this is a violation of the constraint named {@code name}. */
  public boolean isOf(String name) {
    return name.equals(constraintName);
  }
}
