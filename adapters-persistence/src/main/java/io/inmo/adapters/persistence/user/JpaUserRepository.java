package io.inmo.adapters.persistence.user;

import io.inmo.adapters.persistence.BrokerScope;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.OptimisticLocks;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.adapters.persistence.PlatformScope;
import io.inmo.application.port.out.UserRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserEmailTakenException;
import io.inmo.domain.user.UserId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence adapter: stores users with JPA inside the caller's unit of work. An e-mail taken by
 * another user (whatever its case) fails with {@link UserEmailTakenException}; a stale version with
 * {@link jakarta.persistence.OptimisticLockException}.
 */
public final class JpaUserRepository implements UserRepository {
  static final String EMAIL_KEY = "users_email_key";

  private final JpaUnitOfWork unitOfWork;

  public JpaUserRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  /**
   * A platform-level lookup: the port finds a user by id alone (the account behind a token, a
   * SUPERADMIN's user administration); the callers check the broker.
   */
  @Override
  public Optional<User> findById(UserId id) {
    Objects.requireNonNull(id, "id");
    return PlatformScope.hint(
            unitOfWork
                .entityManager()
                .createQuery("select u from UserJpaEntity u where u.id = :id", UserJpaEntity.class),
            "user by id for sessions and superadmin user administration; callers check the broker")
        .setParameter("id", id.value())
        .getResultStream()
        .findFirst()
        .map(UserJpaMapper::toDomain);
  }

  /** A platform-level lookup: e-mails are unique across brokers and identify the login. */
  @Override
  public Optional<User> findByEmail(Email email) {
    Objects.requireNonNull(email, "email");
    // lower(email) is what the unique index users_email_key covers
    return PlatformScope.hint(
            unitOfWork
                .entityManager()
                .createQuery(
                    "select u from UserJpaEntity u where lower(u.email) = :email",
                    UserJpaEntity.class),
            "login and sign-up: e-mails are unique across brokers")
        .setParameter("email", email.value())
        .getResultStream()
        .findFirst()
        .map(UserJpaMapper::toDomain);
  }

  @Override
  public boolean existsAnySuperadmin() {
    return !unitOfWork
        .entityManager()
        // SUPERADMINs belong to no broker (users_role_broker_id_check): scoped to broker_id null
        .createQuery("select u.id from UserJpaEntity u where u.brokerId is null and u.role = :role")
        .setParameter("role", Role.SUPERADMIN.name())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<User> findByBroker(BrokerId brokerId) {
    Objects.requireNonNull(brokerId, "brokerId");
    return unitOfWork
        .entityManager()
        .createQuery(
            "select u from UserJpaEntity u where u.brokerId = :brokerId order by u.name, u.id",
            UserJpaEntity.class)
        .setParameter("brokerId", brokerId.value())
        .getResultStream()
        .map(UserJpaMapper::toDomain)
        .toList();
  }

  /**
   * Inserts or updates, flushing so that constraint violations surface here.
   *
   * @throws UserEmailTakenException when another user has the e-mail (case-insensitive)
   * @throws jakarta.persistence.OptimisticLockException when the user changed since it was read
   * @throws IllegalStateException when the user's id is stored under another broker
   */
  @Override
  public void save(User user) {
    Objects.requireNonNull(user, "user");
    EntityManager em = unitOfWork.entityManager();
    UUID brokerId = user.brokerId() == null ? null : user.brokerId().value();
    UserJpaEntity entity =
        BrokerScope.findById(em, UserJpaEntity.class, brokerId, user.id().value()).orElse(null);
    try {
      if (entity == null) {
        entity = new UserJpaEntity();
        UserJpaMapper.copy(user, entity);
        entity.version = user.version();
        entity.versionReadByThisUnit = user.version();
        em.persist(entity);
      } else {
        OptimisticLocks.requireCurrent(
            "user", user.id(), user.version(), entity.version, entity.versionReadByThisUnit);
        UserJpaMapper.copy(user, entity);
      }
      em.flush();
    } catch (PersistenceException e) {
      if (PersistenceErrors.isViolationOf(e, EMAIL_KEY)) {
        UserEmailTakenException taken = new UserEmailTakenException(user.email());
        taken.initCause(e);
        throw taken;
      }
      if (BrokerScope.isIdOfAnotherBroker(e, "users")) {
        throw new IllegalStateException("user " + user.id() + " is stored under another broker", e);
      }
      throw e;
    }
  }
}
