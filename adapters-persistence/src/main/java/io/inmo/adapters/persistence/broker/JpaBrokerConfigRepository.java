package io.inmo.adapters.persistence.broker;

import io.inmo.adapters.persistence.FieldCodec;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.OptimisticLocks;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.application.port.out.BrokerConfigRepository;
import io.inmo.domain.broker.BrokerChatConfig;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.BrokerLeadConfig;
import io.inmo.domain.broker.BrokerPromptConfig;
import io.inmo.domain.broker.BrokerVoiceConfig;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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
  public void save(BrokerPromptConfig config) {
    Objects.requireNonNull(config, "config");
    EntityManager em = unitOfWork.entityManager();
    BrokerPromptConfigJpaEntity e = em.find(BrokerPromptConfigJpaEntity.class, config.id());
    if (e == null) {
      e = new BrokerPromptConfigJpaEntity();
      BrokerConfigJpaMapper.copy(config, e);
      e.version = config.version();
      e.versionReadByThisUnit = config.version();
      em.persist(e);
    } else {
      requireSameBroker("prompt", e.brokerId, config.brokerId());
      OptimisticLocks.requireCurrent(
          "prompt config", config.id(), config.version(), e.version, e.versionReadByThisUnit);
      BrokerConfigJpaMapper.copy(config, e);
    }
    flush(em, "prompt", "broker_prompt_configs_broker_id_key", config.brokerId());
  }

  @Override
  public void save(BrokerLeadConfig config) {
    Objects.requireNonNull(config, "config");
    EntityManager em = unitOfWork.entityManager();
    BrokerLeadConfigJpaEntity e = em.find(BrokerLeadConfigJpaEntity.class, config.id());
    if (e == null) {
      e = new BrokerLeadConfigJpaEntity();
      BrokerConfigJpaMapper.copy(config, e);
      e.version = config.version();
      e.versionReadByThisUnit = config.version();
      em.persist(e);
    } else {
      requireSameBroker("lead", e.brokerId, config.brokerId());
      OptimisticLocks.requireCurrent(
          "lead config", config.id(), config.version(), e.version, e.versionReadByThisUnit);
      BrokerConfigJpaMapper.copy(config, e);
    }
    flush(em, "lead", "broker_lead_configs_broker_id_key", config.brokerId());
  }

  @Override
  public void save(BrokerVoiceConfig config) {
    Objects.requireNonNull(config, "config");
    EntityManager em = unitOfWork.entityManager();
    BrokerVoiceConfigJpaEntity e = em.find(BrokerVoiceConfigJpaEntity.class, config.id());
    if (e == null) {
      e = new BrokerVoiceConfigJpaEntity();
      BrokerConfigJpaMapper.copy(config, e, codec);
      e.version = config.version();
      e.versionReadByThisUnit = config.version();
      em.persist(e);
    } else {
      requireSameBroker("voice", e.brokerId, config.brokerId());
      OptimisticLocks.requireCurrent(
          "voice config", config.id(), config.version(), e.version, e.versionReadByThisUnit);
      BrokerConfigJpaMapper.copy(config, e, codec);
    }
    flush(em, "voice", "broker_voice_configs_broker_id_key", config.brokerId());
  }

  @Override
  public void save(BrokerChatConfig config) {
    Objects.requireNonNull(config, "config");
    EntityManager em = unitOfWork.entityManager();
    BrokerChatConfigJpaEntity e = em.find(BrokerChatConfigJpaEntity.class, config.id());
    if (e == null) {
      e = new BrokerChatConfigJpaEntity();
      BrokerConfigJpaMapper.copy(config, e, codec);
      e.version = config.version();
      e.versionReadByThisUnit = config.version();
      em.persist(e);
    } else {
      requireSameBroker("chat", e.brokerId, config.brokerId());
      OptimisticLocks.requireCurrent(
          "chat config", config.id(), config.version(), e.version, e.versionReadByThisUnit);
      BrokerConfigJpaMapper.copy(config, e, codec);
    }
    flush(em, "chat", "broker_chat_configs_broker_id_key", config.brokerId());
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

  private static void requireSameBroker(String kind, UUID stored, BrokerId saved) {
    if (!stored.equals(saved.value())) {
      throw new IllegalStateException(
          "the " + kind + " config being saved belongs to another broker than its stored row");
    }
  }

  private static void flush(EntityManager em, String kind, String uniqueBroker, BrokerId brokerId) {
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (PersistenceErrors.isViolationOf(e, uniqueBroker)) {
        // a programming error (a second defaults(..) row), not a rule the user can break
        throw new IllegalStateException(
            "broker " + brokerId + " already has a " + kind + " config with another id", e);
      }
      throw e;
    }
  }
}
