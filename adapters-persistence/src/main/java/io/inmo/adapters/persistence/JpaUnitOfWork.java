package io.inmo.adapters.persistence;

import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.domain.shared.DomainException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unit of work over JPA: one thread-bound {@link EntityManager} and transaction per outermost call;
 * nested calls join it, and any exception rolls the whole unit back and is rethrown (a lost race
 * with another writer as {@link ConcurrentChangeException}).
 *
 * <p>A nested call that throws marks the unit rollback-only even when an outer caller catches the
 * exception (PostgreSQL aborts the transaction on a failed statement anyway); the outermost call
 * then rolls back and throws {@link IllegalStateException} instead of committing.
 */
public final class JpaUnitOfWork implements UnitOfWorkPort {
  private static final Logger LOG = LoggerFactory.getLogger(JpaUnitOfWork.class);

  /** PostgreSQL's serialization_failure and deadlock_detected: retrying the unit is safe. */
  private static final Set<String> RACE_STATES = Set.of("40001", "40P01");

  private final EntityManagerFactory entityManagerFactory;
  private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

  /** A unit of work creating its entity managers from {@code entityManagerFactory}. */
  public JpaUnitOfWork(EntityManagerFactory entityManagerFactory) {
    this.entityManagerFactory =
        Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    EntityManager joined = current.get();
    if (joined != null) {
      return joinExisting(joined, work);
    }
    EntityManager entityManager = entityManagerFactory.createEntityManager();
    EntityTransaction transaction = entityManager.getTransaction();
    current.set(entityManager);
    try {
      transaction.begin();
      T result = work.get();
      if (transaction.getRollbackOnly()) {
        transaction.rollback();
        throw new IllegalStateException(
            "unit of work rolled back: a nested unit of work failed and was marked rollback-only");
      }
      transaction.commit();
      return result;
    } catch (RuntimeException e) {
      rollbackQuietly(transaction, e);
      throw translated(e);
    } catch (Error e) {
      rollbackQuietly(transaction, e);
      throw e;
    } finally {
      current.remove();
      entityManager.close();
    }
  }

  @Override
  public void inTransaction(Runnable work) {
    Objects.requireNonNull(work, "work");
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * The entity manager of the current thread's unit of work.
   *
   * @throws IllegalStateException when called outside {@link #inTransaction}
   */
  public EntityManager entityManager() {
    EntityManager entityManager = current.get();
    if (entityManager == null) {
      throw new IllegalStateException(
          "no unit of work on this thread: call repositories inside UnitOfWorkPort.inTransaction");
    }
    return entityManager;
  }

  /** Flushes the current unit's pending writes and clears its persistence context. */
  @Override
  public void checkpoint() {
    EntityManager entityManager = entityManager();
    entityManager.flush();
    entityManager.clear();
  }

  /** Whether the current thread is inside a unit of work. */
  public boolean isActive() {
    return current.get() != null;
  }

  private static <T> T joinExisting(EntityManager entityManager, Supplier<T> work) {
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      EntityTransaction transaction = entityManager.getTransaction();
      if (transaction.isActive()) {
        transaction.setRollbackOnly();
      }
      throw e;
    }
  }

  /**
   * A lost race with another writer becomes the port's {@link ConcurrentChangeException} (409, safe
   * to retry): a stale {@code @Version}, a serialization failure or a deadlock. Business-rule
   * exceptions and anything else pass unchanged; repositories translate the unique keys they know
   * (a phone taken in between, a slug) into their own business-rule exceptions, and an unexpected
   * one stays a programming error.
   */
  static RuntimeException translated(RuntimeException failure) {
    if (failure instanceof DomainException) {
      return failure;
    }
    Optional<String> race = race(failure);
    if (race.isEmpty()) {
      return failure;
    }
    LOG.warn("unit of work rolled back, lost a race with another writer: {}", race.get());
    return new ConcurrentChangeException(failure);
  }

  private static Optional<String> race(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
        return Optional.of("stale version (" + t.getClass().getSimpleName() + ")");
      }
      if (t instanceof SQLException sql && RACE_STATES.contains(sql.getSQLState())) {
        return Optional.of("SQLState " + sql.getSQLState());
      }
    }
    return Optional.empty();
  }

  private static void rollbackQuietly(EntityTransaction transaction, Throwable cause) {
    try {
      if (transaction.isActive()) {
        transaction.rollback();
      }
    } catch (RuntimeException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }
}
