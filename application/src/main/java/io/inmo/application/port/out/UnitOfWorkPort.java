package io.inmo.application.port.out;

import java.util.function.Supplier;

/**
 * Outbound port: runs a piece of work atomically (one database transaction); nested calls join the
 * outer unit of work, and a {@link RuntimeException} rolls everything back and is rethrown.
 */
public interface UnitOfWorkPort {

  /** Runs {@code work} inside a unit of work and returns its result. */
  <T> T inTransaction(Supplier<T> work);

  /** Runs {@code work} inside a unit of work. */
  void inTransaction(Runnable work);
}
