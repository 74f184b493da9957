package io.inmo.adapters.persistence;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads PostgreSQL constraint violations out of whatever Hibernate, JDBC or pgjdbc threw (causes,
 * suppressed and {@link SQLException#getNextException() next} exceptions are all searched).
 */
public final class PersistenceErrors {
  private PersistenceErrors() {}

  /** The first constraint violation in {@code failure}'s chain, if any. */
  public static Optional<ConstraintViolation> constraintViolation(Throwable failure) {
    if (failure == null) {
      return Optional.empty();
    }
    ConstraintViolation unnamed = null;
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    pending.add(failure);
    while (!pending.isEmpty()) {
      Throwable next = pending.poll();
      if (!seen.add(next)) {
        continue;
      }
      if (next instanceof SQLException sql) {
        ConstraintViolation found = fromSqlException(sql);
        if (found != null && found.constraintName() != null) {
          return Optional.of(found);
        }
        if (found != null && unnamed == null) {
          unnamed = found;
        }
        if (sql.getNextException() != null) {
          pending.add(sql.getNextException());
        }
      }
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
      for (Throwable suppressed : next.getSuppressed()) {
        pending.add(suppressed);
      }
    }
    return Optional.ofNullable(unnamed);
  }

  /** The name of the violated constraint (e.g. {@code brokers_slug_key}), if there is one. */
  public static Optional<String> constraintName(Throwable failure) {
    return constraintViolation(failure).map(ConstraintViolation::constraintName);
  }

  /**
   * Whether {@code failure} was caused by violating the constraint named {@code constraintName}.
   */
  public static boolean isViolationOf(Throwable failure, String constraintName) {
    return constraintName(failure).filter(constraintName::equals).isPresent();
  }

  private static ConstraintViolation fromSqlException(SQLException sql) {
    ConstraintViolation.Kind kind = ConstraintViolation.Kind.ofSqlState(sql.getSQLState());
    if (kind == null) {
      return null;
    }
    String constraint = null;
    String table = null;
    if (sql instanceof PSQLException psql) {
      ServerErrorMessage server = psql.getServerErrorMessage();
      if (server != null) {
        constraint = server.getConstraint();
        table = server.getTable();
      }
    }
    return new ConstraintViolation(kind, sql.getSQLState(), constraint, table);
  }
}
