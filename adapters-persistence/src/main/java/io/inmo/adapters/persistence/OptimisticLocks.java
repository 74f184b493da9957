package io.inmo.adapters.persistence;

import jakarta.persistence.OptimisticLockException;

/**
 * Optimistic locking of aggregates that carry the version they were read with: repositories call
 * {@link #requireCurrent} before copying an aggregate onto its managed entity, and the entity's
 * {@code @Version} column catches writers that commit in between.
 */
public final class OptimisticLocks {
  private OptimisticLocks() {}

  /**
   * Accepts the aggregate when it was read at the stored version, or at the version this unit of
   * work first read (so that saving the same aggregate twice in one unit of work, with a flush in
   * between, is not mistaken for a concurrent change).
   *
   * @param aggregate what is saved, for the message (e.g. {@code "appointment"})
   * @param storedVersion the managed entity's current version
   * @param versionReadByThisUnit the entity's version when this unit of work loaded it (0 when it
   *     was inserted by this unit)
   * @throws OptimisticLockException when someone else changed the aggregate since it was read
   */
  public static void requireCurrent(
      String aggregate,
      Object id,
      long aggregateVersion,
      long storedVersion,
      long versionReadByThisUnit) {
    if (aggregateVersion != storedVersion && aggregateVersion != versionReadByThisUnit) {
      throw new OptimisticLockException(
          aggregate
              + " "
              + id
              + " was changed concurrently: it was read at version "
              + aggregateVersion
              + " but the stored version is "
              + storedVersion
              + "; reload it and retry");
    }
  }
}
