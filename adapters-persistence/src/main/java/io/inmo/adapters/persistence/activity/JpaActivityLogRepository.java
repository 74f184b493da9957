package io.inmo.adapters.persistence.activity;

import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.application.port.out.ActivityLogRepository;
import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;

/** Persistence adapter: appends to and reads the lead activity log with JPA. */
public final class JpaActivityLogRepository implements ActivityLogRepository {
  private final JpaUnitOfWork unitOfWork;

  public JpaActivityLogRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void append(ActivityEntry entry) {
    EntityManager em = unitOfWork.entityManager();
    em.persist(ActivityEntryJpaMapper.toEntity(entry));
    em.flush();
  }

  @Override
  public void appendAll(List<ActivityEntry> entries) {
    EntityManager em = unitOfWork.entityManager();
    entries.forEach(entry -> em.persist(ActivityEntryJpaMapper.toEntity(entry)));
    em.flush();
  }

  @Override
  public List<ActivityEntry> findByLead(BrokerId brokerId, LeadId leadId, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    return unitOfWork
        .entityManager()
        .createQuery(
            "select a from ActivityEntryJpaEntity a where a.brokerId = :broker"
                + " and a.leadId = :lead order by a.at desc, a.id desc",
            ActivityEntryJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .setParameter("lead", leadId.value())
        .setMaxResults(limit)
        .getResultStream()
        .map(ActivityEntryJpaMapper::toDomain)
        .toList();
  }
}
