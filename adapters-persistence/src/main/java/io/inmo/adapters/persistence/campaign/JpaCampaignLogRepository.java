package io.inmo.adapters.persistence.campaign;

import io.inmo.adapters.persistence.BrokerScope;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.application.port.out.CampaignLogRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.CampaignId;
import io.inmo.domain.campaign.CampaignLog;
import io.inmo.domain.campaign.CampaignLogId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Persistence adapter: stores campaign step executions with JPA in the caller's unit of work. */
public final class JpaCampaignLogRepository implements CampaignLogRepository {
  private final JpaUnitOfWork unitOfWork;

  public JpaCampaignLogRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  /**
   * @throws IllegalArgumentException when the log's id is stored under another brokerage
   */
  @Override
  public void save(CampaignLog log) {
    EntityManager em = unitOfWork.entityManager();
    CampaignLogJpaEntity found =
        BrokerScope.findById(
                em, CampaignLogJpaEntity.class, log.brokerId().value(), log.id().value())
            .orElse(null);
    CampaignLogJpaEntity entity = found != null ? found : new CampaignLogJpaEntity();
    CampaignLogJpaMapper.copy(log, entity);
    try {
      if (found == null) {
        em.persist(entity);
      }
      em.flush();
    } catch (PersistenceException e) {
      if (BrokerScope.isIdOfAnotherBroker(e, "campaign_logs")) {
        // the scoped load found nothing, yet the id is taken
        throw new IllegalArgumentException(
            "campaign log " + log.id() + " belongs to another brokerage", e);
      }
      throw e;
    }
  }

  @Override
  public Optional<CampaignLog> findById(BrokerId brokerId, CampaignLogId id) {
    Objects.requireNonNull(brokerId, "brokerId");
    return BrokerScope.findById(
            unitOfWork.entityManager(), CampaignLogJpaEntity.class, brokerId.value(), id.value())
        .map(CampaignLogJpaMapper::toDomain);
  }

  @Override
  public List<CampaignLog> findByCampaign(BrokerId brokerId, CampaignId campaignId) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select l from CampaignLogJpaEntity l where l.brokerId = :broker"
                + " and l.campaignId = :campaign order by l.createdAt, l.id",
            CampaignLogJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .setParameter("campaign", campaignId.value())
        .getResultStream()
        .map(CampaignLogJpaMapper::toDomain)
        .toList();
  }
}
