package io.inmo.adapters.persistence.broker;

import io.inmo.adapters.persistence.BrokerScope;
import io.inmo.adapters.persistence.FieldCodec;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.OptimisticLocks;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerLlmConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.BrokerVoiceConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Objects;
import java.util.Optional;

/**
 * Persistence adapter: stores a broker's four configs (one row each per broker) with JPA inside the
 * caller's unit of work; provider credentials pass through the {@link FieldCodec} (plaintext until
 * encryption at rest lands). A stale version fails with {@link
 * jakarta.persistence.OptimisticLockException}; a second config of the same kind for a broker with
 * {@link IllegalStateException}.
 */
public final class JpaBrokerConfigRepository implements BrokerConfigRepository {
  private final JpaUnitOfWork unitOfWork;
  private final FieldCodec codec;

  public JpaBrokerConfigRepository(JpaUnitOfWork unitOfWork, FieldCodec codec) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  @Override
  public Optional<BrokerPromptConfig> findPromptConfig(BrokerId brokerId) {
    return findByBroker(BrokerPromptConfigJpaEntity.class, brokerId)
        .map(BrokerConfigJpaMapper::toDomain);
  }

  @Override
  public Optional<BrokerLeadConfig> findLeadConfig(BrokerId brokerId) {
    return findByBroker(BrokerLeadConfigJpaEntity.class, brokerId)
        .map(BrokerConfigJpaMapper::toDomain);
  }

  @Override
  public Optional<BrokerVoiceConfig> findVoiceConfig(BrokerId brokerId) {
    return findByBroker(BrokerVoiceConfigJpaEntity.class, brokerId)
        .map(e -> BrokerConfigJpaMapper.toDomain(e, codec));
  }

  @Override
  public Optional<BrokerChatConfig> findChatConfig(BrokerId brokerId) {
    return findByBroker(BrokerChatConfigJpaEntity.class, brokerId)
        .map(e -> BrokerConfigJpaMapper.toDomain(e, codec));
  }

  @Override
  public Optional<BrokerLlmConfig> findLlmConfig(BrokerId brokerId) {
    return findByBroker(BrokerLlmConfigJpaEntity.class, brokerId)
        .map(e -> BrokerConfigJpaMapper.toDomain(e, codec));
  }

  @Override
  public void save(BrokerLlmConfig config) {
    Objects.requireNonNull(config, "config");
    EntityManager em = unitOfWork.entityManager();
    BrokerLlmConfigJpaEntity e =
        BrokerScope.findById(
                em, BrokerLlmConfigJpaEntity.class, config.brokerId().value(), config.id())
            .orElse(null);
    if (e == null) {
      e = new BrokerLlmConfigJpaEntity();
      BrokerConfigJpaMapper.copy(config, e, codec);
      e.version = config.version();
      e.versionReadByThisUnit = config.version();
      persist(em, e, "llm");
    } else {
      OptimisticLocks.requireCurrent(
          "llm config", config.id(), config.version(), e.version, e.versionReadByThisUnit);
      BrokerConfigJpaMapper.copy(config, e, codec);
    }
    flush(em, "llm", config.brokerId());
  }

  @Override
  public void save(BrokerPromptConfig config) {
    Objects.requireNonNull(config, "config");
    EntityManager em = unitOfWork.entityManager();
    BrokerPromptConfigJpaEntity e =
        BrokerScope.findById(
                em, BrokerPromptConfigJpaEntity.class, config.brokerId().value(), config.id())
            .orElse(null);
    if (e == null) {
      e = new BrokerPromptConfigJpaEntity();
      BrokerConfigJpaMapper.copy(config, e);
      e.version = config.version();
      e.versionReadByThisUnit = config.version();
      persist(em, e, "prompt");
    } else {
      OptimisticLocks.requireCurrent(
          "prompt config", config.id(), config.version(), e.version, e.versionReadByThisUnit);
      BrokerConfigJpaMapper.copy(config, e);
    }
    flush(em, "prompt", config.brokerId());
  }

  @Override
  public void save(BrokerLeadConfig config) {
    Objects.requireNonNull(config, "config");
    EntityManager em = unitOfWork.entityManager();
    BrokerLeadConfigJpaEntity e =
        BrokerScope.findById(
                em, BrokerLeadConfigJpaEntity.class, config.brokerId().value(), config.id())
            .orElse(null);
    if (e == null) {
      e = new BrokerLeadConfigJpaEntity();
      BrokerConfigJpaMapper.copy(config, e);
      e.version = config.version();
      e.versionReadByThisUnit = config.version();
      persist(em, e, "lead");
    } else {
      OptimisticLocks.requireCurrent(
          "lead config", config.id(), config.version(), e.version, e.versionReadByThisUnit);
      BrokerConfigJpaMapper.copy(config, e);
    }
    flush(em, "lead", config.brokerId());
  }

  @Override
  public void save(BrokerVoiceConfig config) {
    Objects.requireNonNull(config, "config");
    EntityManager em = unitOfWork.entityManager();
    BrokerVoiceConfigJpaEntity e =
        BrokerScope.findById(
                em, BrokerVoiceConfigJpaEntity.class, config.brokerId().value(), config.id())
            .orElse(null);
    if (e == null) {
      e = new BrokerVoiceConfigJpaEntity();
      BrokerConfigJpaMapper.copy(config, e, codec);
      e.version = config.version();
      e.versionReadByThisUnit = config.version();
      persist(em, e, "voice");
    } else {
      OptimisticLocks.requireCurrent(
          "voice config", config.id(), config.version(), e.version, e.versionReadByThisUnit);
      BrokerConfigJpaMapper.copy(config, e, codec);
    }
    flush(em, "voice", config.brokerId());
  }

  @Override
  public void save(BrokerChatConfig config) {
    Objects.requireNonNull(config, "config");
    EntityManager em = unitOfWork.entityManager();
    BrokerChatConfigJpaEntity e =
        BrokerScope.findById(
                em, BrokerChatConfigJpaEntity.class, config.brokerId().value(), config.id())
            .orElse(null);
    if (e == null) {
      e = new BrokerChatConfigJpaEntity();
      BrokerConfigJpaMapper.copy(config, e, codec);
      e.version = config.version();
      e.versionReadByThisUnit = config.version();
      persist(em, e, "chat");
    } else {
      OptimisticLocks.requireCurrent(
          "chat config", config.id(), config.version(), e.version, e.versionReadByThisUnit);
      BrokerConfigJpaMapper.copy(config, e, codec);
    }
    flush(em, "chat", config.brokerId());
  }

  private <E> Optional<E> findByBroker(Class<E> type, BrokerId brokerId) {
    Objects.requireNonNull(brokerId, "brokerId");
    return unitOfWork
        .entityManager()
        .createQuery(
            "select c from " + type.getSimpleName() + " c where c.brokerId = :brokerId", type)
        .setParameter("brokerId", brokerId.value())
        .getResultStream()
        .findFirst();
  }

  /** Persists a new row; an instance with its id already in the unit belongs to another broker. */
  private static void persist(EntityManager em, Object entity, String kind) {
    try {
      em.persist(entity);
    } catch (PersistenceException e) {
      throw anotherBroker(kind, e);
    }
  }

  private static void flush(EntityManager em, String kind, BrokerId brokerId) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (PersistenceErrors.isViolationOf(e, "broker_" + kind + "_configs_broker_id_key")) {
        // a programming error (a second defaults(..) row), not a rule the user can break
        throw new IllegalStateException(
            "broker " + brokerId + " already has a " + kind + " config with another id", e);
      }
      throw anotherBroker(kind, e);
    }
  }

  /**
   * The scoped load found no row of the config's broker, yet its id is taken: it belongs to another
   * broker.
   */
  private static RuntimeException anotherBroker(String kind, PersistenceException e) {
    if (BrokerScope.isIdOfAnotherBroker(e, "broker_" + kind + "_configs")) {
      return new IllegalStateException(
          "the " + kind + " config being saved belongs to another broker than its stored row", e);
    }
    return e;
  }
}
