package io.inmo.adapters.persistence.audit;

import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.BrokerId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  @Override
  public List<AuditEntry> search(BrokerId brokerId, AuditSearch search) {
    Objects.requireNonNull(brokerId, "brokerId");
    Objects.requireNonNull(search, "search");
    StringBuilder jpql =
        new StringBuilder("select a from AuditEntryJpaEntity a where a.brokerId = :broker");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("broker", brokerId.value());
    if (search.action() != null) {
      jpql.append(" and a.action = :action");
      params.put("action", search.action());
    }
    if (search.userId() != null) {
      jpql.append(" and a.userId = :user");
      params.put("user", search.userId().value());
    }
    if (search.from() != null) {
      jpql.append(" and a.at >= :from");
      params.put("from", search.from());
    }
    if (search.to() != null) {
      jpql.append(" and a.at < :to");
      params.put("to", search.to());
    }
    if (search.after() != null) {
      jpql.append(" and (a.at < :afterAt or (a.at = :afterAt and a.id < :afterId))");
      params.put("afterAt", search.after().at());
      params.put("afterId", search.after().id().value());
    }
    jpql.append(" order by a.at desc, a.id desc");
    TypedQuery<AuditEntryJpaEntity> query =
        unitOfWork.entityManager().createQuery(jpql.toString(), AuditEntryJpaEntity.class);
    params.forEach(query::setParameter);
    return query
        .setMaxResults(search.limit())
        .getResultStream()
        .map(AuditEntryJpaMapper::toDomain)
        .toList();
  }
}
