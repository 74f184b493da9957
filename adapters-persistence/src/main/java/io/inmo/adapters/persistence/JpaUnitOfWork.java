package io.inmo.adapters.persistence;

import io.inmo.application.port.out.UnitOfWorkPort;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Unit of work over JPA: one thread-bound {@link EntityManager} and transaction per outermost call;
 * nested calls join it, and any exception rolls the whole unit back and is rethrown.
 *
 * <p>A nested call that throws marks the unit rollback-only even when an outer caller catches the
 * exception (PostgreSQL aborts the transaction on a failed statement anyway); the outermost call
 * then rolls back and throws {@link IllegalStateException} instead of committing.
 */
public final class JpaUnitOfWork implements UnitOfWorkPort {
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
    } catch (RuntimeException | Error e) {
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
