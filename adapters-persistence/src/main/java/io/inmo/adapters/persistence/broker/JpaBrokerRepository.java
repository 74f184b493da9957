package io.inmo.adapters.persistence.broker;

import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.OptimisticLocks;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerSlugTakenException;
import io.inmo.domain.broker.Slug;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Persistence adapter: stores brokers with JPA inside the caller's unit of work. A duplicate slug
 * fails with {@link BrokerSlugTakenException}; a stale version with {@link
 * jakarta.persistence.OptimisticLockException}.
 */
public final class JpaBrokerRepository implements BrokerRepository {
  static final String SLUG_KEY = "brokers_slug_key";

  private final JpaUnitOfWork unitOfWork;

  public JpaBrokerRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public Optional<Broker> findById(BrokerId id) {
    Objects.requireNonNull(id, "id");
    return Optional.ofNullable(unitOfWork.entityManager().find(BrokerJpaEntity.class, id.value()))
        .map(BrokerJpaMapper::toDomain);
  }

  @Override
  public Optional<Broker> findBySlug(Slug slug) {
    Objects.requireNonNull(slug, "slug");
    return unitOfWork
        .entityManager()
        .createQuery("select b from BrokerJpaEntity b where b.slug = :slug", BrokerJpaEntity.class)
        .setParameter("slug", slug.value())
        .getResultStream()
        .findFirst()
        .map(BrokerJpaMapper::toDomain);
  }

  @Override
  public boolean existsBySlug(Slug slug) {
    Objects.requireNonNull(slug, "slug");
    return !unitOfWork
        .entityManager()
        .createQuery("select b.id from BrokerJpaEntity b where b.slug = :slug")
        .setParameter("slug", slug.value())
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<Broker> findPage(int offset, int limit) {
    if (offset < 0 || limit <= 0) {
      throw new IllegalArgumentException("offset must be >= 0 and limit > 0");
    }
    return unitOfWork
        .entityManager()
        .createQuery(
            "select b from BrokerJpaEntity b order by lower(b.name), b.id", BrokerJpaEntity.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultStream()
        .map(BrokerJpaMapper::toDomain)
        .toList();
  }

  @Override
  public long count() {
    return unitOfWork
        .entityManager()
        .createQuery("select count(b) from BrokerJpaEntity b", Long.class)
        .getSingleResult();
  }

  /**
   * Inserts or updates, flushing so that constraint violations surface here.
   *
   * @throws BrokerSlugTakenException when another broker has the slug
   * @throws jakarta.persistence.OptimisticLockException when the broker changed since it was read
   */
  @Override
  public void save(Broker broker) {
    Objects.requireNonNull(broker, "broker");
    EntityManager em = unitOfWork.entityManager();
    BrokerJpaEntity entity = em.find(BrokerJpaEntity.class, broker.id().value());
    if (entity == null) {
      entity = new BrokerJpaEntity();
      BrokerJpaMapper.copy(broker, entity);
      entity.version = broker.version();
      entity.versionReadByThisUnit = broker.version();
      em.persist(entity);
    } else {
      OptimisticLocks.requireCurrent(
          "broker", broker.id(), broker.version(), entity.version, entity.versionReadByThisUnit);
      BrokerJpaMapper.copy(broker, entity);
    }
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (PersistenceErrors.isViolationOf(e, SLUG_KEY)) {
        BrokerSlugTakenException taken = new BrokerSlugTakenException(broker.slug());
        taken.initCause(e);
        throw taken;
      }
      throw e;
    }
  }
}
