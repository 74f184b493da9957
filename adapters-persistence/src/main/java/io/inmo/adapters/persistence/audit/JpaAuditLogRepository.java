package io.inmo.adapters.persistence.audit;

import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.BrokerId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;

/** Persistence adapter: appends to and reads the audit log with JPA. */
public final class JpaAuditLogRepository implements AuditLogRepository {
  private final JpaUnitOfWork unitOfWork;

  public JpaAuditLogRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void append(AuditEntry entry) {
    EntityManager em = unitOfWork.entityManager();
    em.persist(AuditEntryJpaMapper.toEntity(entry));
    em.flush();
  }

  @Override
  public List<AuditEntry> findByBroker(BrokerId brokerId, int limit) {
    Objects.requireNonNull(brokerId, "brokerId");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    return unitOfWork
        .entityManager()
        .createQuery(
            "select a from AuditEntryJpaEntity a where a.brokerId = :broker"
                + " order by a.at desc, a.id desc",
            AuditEntryJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .setMaxResults(limit)
        .getResultStream()
        .map(AuditEntryJpaMapper::toDomain)
        .toList();
  }
}
