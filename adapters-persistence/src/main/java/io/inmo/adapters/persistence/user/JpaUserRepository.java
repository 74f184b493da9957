package io.inmo.adapters.persistence.user;

import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.OptimisticLocks;
import io.inmo.adapters.persistence.PersistenceErrors;
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

  @Override
  public Optional<User> findById(UserId id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(unitOfWork.entityManager().find(UserJpaEntity.class, id.value()))
        .map(UserJpaMapper::toDomain);
  }

  @Override
  public Optional<User> findByEmail(Email email) {
    Objects.requireNonNull(email, "email");
    // lower(email) is what the unique index users_email_key covers
    return unitOfWork
        .entityManager()
        .createQuery(
            "select u from UserJpaEntity u where lower(u.email) = :email", UserJpaEntity.class)
        .setParameter("email", email.value())
        .getResultStream()
        .findFirst()
        .map(UserJpaMapper::toDomain);
  }

  @Override
  public boolean existsAnySuperadmin() {
    return !unitOfWork
        .entityManager()
        .createQuery("select u.id from UserJpaEntity u where u.role = :role")
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
   */
  @Override
  public void save(User user) {
    Objects.requireNonNull(user, "user");
    EntityManager em = unitOfWork.entityManager();
    UserJpaEntity entity = em.find(UserJpaEntity.class, user.id().value());
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
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (PersistenceErrors.isViolationOf(e, EMAIL_KEY)) {
        UserEmailTakenException taken = new UserEmailTakenException(user.email());
        taken.initCause(e);
        throw taken;
      }
      throw e;
    }
  }
}
