package io.inmo.adapters.persistence.campaign;

import io.inmo.adapters.persistence.BrokerScope;
import io.inmo.adapters.persistence.ConstraintViolation;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.OptimisticLocks;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.application.port.out.MessageTemplateRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.MessageTemplate;
import io.inmo.domain.campaign.MessageTemplateId;
import io.inmo.domain.campaign.MessageTemplateNameTakenException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Persistence adapter: stores message templates with JPA inside the caller's unit of work. */
public final class JpaMessageTemplateRepository implements MessageTemplateRepository {
  /** The unique constraint on {@code (broker_id, name)}. */
  static final String UNIQUE_NAME = "message_templates_broker_id_name_key";

  private final JpaUnitOfWork unitOfWork;

  public JpaMessageTemplateRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public Optional<MessageTemplate> findById(BrokerId brokerId, MessageTemplateId id) {
    Objects.requireNonNull(brokerId, "brokerId");
    return BrokerScope.findById(
            unitOfWork.entityManager(),
            MessageTemplateJpaEntity.class,
            brokerId.value(),
            id.value())
        .map(MessageTemplateJpaMapper::toDomain);
  }

  @Override
  public Optional<MessageTemplate> findByName(BrokerId brokerId, String name) {
    Objects.requireNonNull(name, "name");
    return unitOfWork
        .entityManager()
        .createQuery(
            "select t from MessageTemplateJpaEntity t where t.brokerId = :broker and t.name = :name",
            MessageTemplateJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .map(MessageTemplateJpaMapper::toDomain);
  }

  @Override
  public List<MessageTemplate> findByBroker(BrokerId brokerId) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select t from MessageTemplateJpaEntity t where t.brokerId = :broker"
                + " order by t.name, t.id",
            MessageTemplateJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .getResultStream()
        .map(MessageTemplateJpaMapper::toDomain)
        .toList();
  }

  /**
   * @throws IllegalArgumentException when the template's id is stored under another brokerage
   */
  @Override
  public void save(MessageTemplate template) {
    EntityManager em = unitOfWork.entityManager();
    MessageTemplateJpaEntity found =
        BrokerScope.findById(
                em,
                MessageTemplateJpaEntity.class,
                template.brokerId().value(),
                template.id().value())
            .orElse(null);
    MessageTemplateJpaEntity entity = found != null ? found : new MessageTemplateJpaEntity();
    if (found != null) {
      OptimisticLocks.requireCurrent(
          "message template",
          template.id(),
          template.version(),
          found.version,
          found.versionReadByThisUnit);
    }
    MessageTemplateJpaMapper.copy(template, entity);
    try {
      if (found == null) {
        em.persist(entity);
      }
      em.flush();
    } catch (PersistenceException e) {
      if (PersistenceErrors.constraintViolation(e)
          .filter(v -> v.kind() == ConstraintViolation.Kind.UNIQUE && v.isOf(UNIQUE_NAME))
          .isPresent()) {
        throw new MessageTemplateNameTakenException(template.name());
      }
      if (BrokerScope.isIdOfAnotherBroker(e, "message_templates")) {
        // the scoped load found nothing, yet the id is taken
        throw new IllegalArgumentException(
            "message template " + template.id() + " belongs to another brokerage", e);
      }
      throw e;
    }
  }
}
