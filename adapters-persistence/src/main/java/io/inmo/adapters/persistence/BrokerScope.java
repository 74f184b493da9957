package io.inmo.adapters.persistence;

import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads of broker-owned entities by id that the {@link TenantGuard} accepts. {@code
 * EntityManager.find} selects by primary key alone, so repositories load an aggregate by {@code
 * (broker_id, id)} with a query instead: a row of another brokerage is simply not found (the REST
 * layer answers 404), and saving an aggregate whose id is stored under another brokerage inserts a
 * duplicate primary key, which {@link #isIdOfAnotherBroker} recognises.
 *
 * <p>Every entity passed here has the attributes {@code id} and {@code brokerId}.
 */
public final class BrokerScope {
  private BrokerScope() {}

  /**
   * The entity of {@code type} with {@code id} owned by {@code brokerId}; when {@code brokerId} is
   * null, the one owned by no brokerage (SUPERADMIN users). Returns the managed instance when the
   * unit of work already holds it.
   */
  public static <E> Optional<E> findById(EntityManager em, Class<E> type, UUID brokerId, UUID id) {
    Objects.requireNonNull(em, "em");
    Objects.requireNonNull(id, "id");
    String entity = em.getMetamodel().entity(type).getName();
    TypedQuery<E> query =
        brokerId == null
            ? em.createQuery(
                "select e from " + entity + " e where e.id = :id and e.brokerId is null", type)
            : em.createQuery(
                    "select e from " + entity + " e where e.id = :id and e.brokerId = :brokerId",
                    type)
                .setParameter("brokerId", brokerId);
    return query
        .setParameter("id", id)
        // like EntityManager.find: no flush of pending changes before a load by key (repositories
        // flush in save; an auto-flush here would dirty-check the whole unit of work per load)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultStream()
        .findFirst();
  }

  /**
   * Whether {@code failure}, thrown while inserting a row into {@code table} after {@link
   * #findById} found none for the broker, means the id is taken, i.e. stored under another
   * brokerage (a duplicate primary key, or an instance with that id already in the unit of work).
   */
  public static boolean isIdOfAnotherBroker(PersistenceException failure, String table) {
    Optional<ConstraintViolation> violation = PersistenceErrors.constraintViolation(failure);
    if (violation.isPresent()) {
      return violation.get().isOf(table + "_pkey");
    }
    // Hibernate refuses a second instance with a managed instance's id before any SQL runs
    return failure instanceof EntityExistsException;
  }
}
