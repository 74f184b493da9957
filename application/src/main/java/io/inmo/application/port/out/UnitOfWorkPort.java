package io.inmo.application.port.out;

import java.util.function.Supplier;

/**
 * Outbound port: runs a piece of work atomically (one database transaction); nested calls join the
 * outer unit of work, and a {@link RuntimeException} rolls everything back and is rethrown. When
 * the unit lost a race with another writer, what is thrown is a {@link ConcurrentChangeException}.
 */
public interface UnitOfWorkPort {

  /** Runs {@code work} inside a unit of work and returns its result. */
  <T> T inTransaction(Supplier<T> work);

  /** Runs {@code work} inside a unit of work. */
  void inTransaction(Runnable work);

  /**
   * Inside a long unit of work (an import of thousands of rows): writes what is pending and lets go
   * of everything loaded so far, so the cost of each step stays flat. Objects read before are still
   * valid values; read them again to change them. Nothing is committed.
   */
  default void checkpoint() {}
}
