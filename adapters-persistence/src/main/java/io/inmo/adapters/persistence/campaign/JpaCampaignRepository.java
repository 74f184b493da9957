package io.inmo.adapters.persistence.campaign;

import io.inmo.adapters.persistence.BrokerScope;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.OptimisticLocks;
import io.inmo.application.port.out.CampaignRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.campaign.Campaign;
import io.inmo.domain.campaign.CampaignId;
import io.inmo.domain.campaign.CampaignStep;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Persistence adapter: stores campaigns and their steps with JPA inside the caller's unit of work.
 */
public final class JpaCampaignRepository implements CampaignRepository {
  private final JpaUnitOfWork unitOfWork;

  public JpaCampaignRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public Optional<Campaign> findById(BrokerId brokerId, CampaignId id) {
    Objects.requireNonNull(brokerId, "brokerId");
    EntityManager em = unitOfWork.entityManager();
    return BrokerScope.findById(em, CampaignJpaEntity.class, brokerId.value(), id.value())
        .map(c -> CampaignJpaMapper.toDomain(c, steps(em, c.brokerId, c.id)));
  }

  @Override
  public List<Campaign> findByBroker(BrokerId brokerId) {
    EntityManager em = unitOfWork.entityManager();
    List<CampaignJpaEntity> campaigns =
        em.createQuery(
                "select c from CampaignJpaEntity c where c.brokerId = :broker"
                    + " order by c.createdAt desc, c.id desc",
                CampaignJpaEntity.class)
            .setParameter("broker", brokerId.value())
            .getResultList();
    if (campaigns.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<CampaignStepJpaEntity>> stepsByCampaign =
        steps(em, brokerId.value(), campaigns.stream().map(c -> c.id).toList()).stream()
            .collect(Collectors.groupingBy(s -> s.campaignId));
    return campaigns.stream()
        .map(c -> CampaignJpaMapper.toDomain(c, stepsByCampaign.getOrDefault(c.id, List.of())))
        .toList();
  }

  /**
   * @throws IllegalArgumentException when the campaign's id is stored under another brokerage
   */
  @Override
  public void save(Campaign campaign) {
    EntityManager em = unitOfWork.entityManager();
    CampaignJpaEntity found =
        BrokerScope.findById(
                em, CampaignJpaEntity.class, campaign.brokerId().value(), campaign.id().value())
            .orElse(null);
    CampaignJpaEntity entity = found != null ? found : new CampaignJpaEntity();
    if (found != null) {
      OptimisticLocks.requireCurrent(
          "campaign",
          campaign.id(),
          campaign.version(),
          found.version,
          found.versionReadByThisUnit);
    }
    CampaignJpaMapper.copy(campaign, entity);
    try {
      if (found == null) {
        em.persist(entity);
        campaign.steps().forEach(step -> em.persist(CampaignJpaMapper.toEntity(campaign, step)));
      } else {
        replaceSteps(em, campaign);
      }
      em.flush();
    } catch (PersistenceException e) {
      if (BrokerScope.isIdOfAnotherBroker(e, "campaigns")) {
        // the scoped load found nothing, yet the id is taken
        throw new IllegalArgumentException(
            "campaign " + campaign.id() + " belongs to another brokerage", e);
      }
      throw e;
    }
  }

  /**
   * Replaces the stored steps when they differ: the old rows go first (flushed), because the new
   * ones may reuse their step numbers, which are unique per campaign.
   */
  private static void replaceSteps(EntityManager em, Campaign campaign) {
    List<CampaignStepJpaEntity> stored =
        steps(em, campaign.brokerId().value(), campaign.id().value());
    List<CampaignStep> storedSteps = stored.stream().map(CampaignJpaMapper::toDomain).toList();
    if (storedSteps.equals(campaign.steps())) {
      return;
    }
    stored.forEach(em::remove);
    em.flush();
    campaign.steps().forEach(step -> em.persist(CampaignJpaMapper.toEntity(campaign, step)));
  }

  private static List<CampaignStepJpaEntity> steps(
      EntityManager em, UUID brokerId, UUID campaignId) {
    return steps(em, brokerId, List.of(campaignId));
  }

  private static List<CampaignStepJpaEntity> steps(
      EntityManager em, UUID brokerId, Collection<UUID> campaignIds) {
    return em.createQuery(
            "select s from CampaignStepJpaEntity s where s.brokerId = :broker"
                + " and s.campaignId in :campaigns order by s.campaignId, s.stepNumber",
            CampaignStepJpaEntity.class)
        .setParameter("broker", brokerId)
        .setParameter("campaigns", campaignIds)
        .getResultList();
  }
}
