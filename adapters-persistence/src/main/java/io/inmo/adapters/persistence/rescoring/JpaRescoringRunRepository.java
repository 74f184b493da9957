package io.inmo.adapters.persistence.rescoring;

import io.inmo.adapters.persistence.BrokerScope;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.PlatformScope;
import io.inmo.application.port.out.RescoringRunRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.lead.RescoringRun;
import io.inmo.domain.lead.RescoringRun.Status;
import io.inmo.domain.user.UserId;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence adapter: rescoring runs in {@code lead_rescoring_runs} (0007); the claim is native
 * SQL for {@code FOR UPDATE SKIP LOCKED}.
 */
public final class JpaRescoringRunRepository implements RescoringRunRepository {
  private final JpaUnitOfWork unitOfWork;

  public JpaRescoringRunRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void save(RescoringRun run) {
    EntityManager em = unitOfWork.entityManager();
    RescoringRunJpaEntity entity =
        BrokerScope.findById(em, RescoringRunJpaEntity.class, run.brokerId().value(), run.id())
            .orElse(null);
    boolean fresh = entity == null;
    if (fresh) {
      entity = new RescoringRunJpaEntity();
      entity.id = run.id();
      entity.brokerId = run.brokerId().value();
    }
    entity.status = run.status().apiValue();
    entity.requestedBy = run.requestedBy() == null ? null : run.requestedBy().value();
    entity.total = run.total();
    entity.processed = run.processed();
    entity.changed = run.changed();
    entity.lastLeadId = run.lastLeadId() == null ? null : run.lastLeadId().value();
    entity.createdAt = run.createdAt();
    entity.startedAt = run.startedAt();
    entity.finishedAt = run.finishedAt();
    if (fresh) {
      em.persist(entity);
    }
    em.flush();
  }

  @Override
  public Optional<RescoringRun> claimNext() {
    EntityManager em = unitOfWork.entityManager();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                PlatformScope.sqlComment(
                        "rescoring worker: takes the oldest open run of any broker")
                    + "select id, broker_id from lead_rescoring_runs"
                    + " where status in ('pending', 'running')"
                    + " order by created_at, id limit 1 for update skip locked")
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    UUID id = (UUID) rows.getFirst()[0];
    UUID broker = (UUID) rows.getFirst()[1];
    return BrokerScope.findById(em, RescoringRunJpaEntity.class, broker, id)
        .map(JpaRescoringRunRepository::toDomain);
  }

  @Override
  public Optional<RescoringRun> findById(BrokerId brokerId, UUID id) {
    return BrokerScope.findById(
            unitOfWork.entityManager(), RescoringRunJpaEntity.class, brokerId.value(), id)
        .map(JpaRescoringRunRepository::toDomain);
  }

  @Override
  public Optional<RescoringRun> latest(BrokerId brokerId) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select r from RescoringRunJpaEntity r where r.brokerId = :broker"
                + " order by r.createdAt desc, r.id desc",
            RescoringRunJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(JpaRescoringRunRepository::toDomain);
  }

  @Override
  public void supersedeOpen(BrokerId brokerId, Instant now) {
    EntityManager em = unitOfWork.entityManager();
    em.flush();
    em.createQuery(
            "update RescoringRunJpaEntity r set r.status = 'superseded', r.finishedAt = :now"
                + " where r.brokerId = :broker and r.status in ('pending', 'running')")
        .setParameter("now", now)
        .setParameter("broker", brokerId.value())
        .executeUpdate();
    em.clear();
  }

  @Override
  public int deleteFinishedBefore(Instant cutoff) {
    return unitOfWork
        .entityManager()
        .createNativeQuery(
            PlatformScope.sqlComment("nightly retention: finished rescoring runs of every broker")
                + "delete from lead_rescoring_runs r where r.status in ('done', 'superseded',"
                + " 'failed') and r.finished_at < :cutoff and r.id <> (select l.id from"
                + " lead_rescoring_runs l where l.broker_id = r.broker_id"
                + " order by l.created_at desc, l.id desc limit 1)")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  private static RescoringRun toDomain(RescoringRunJpaEntity e) {
    return new RescoringRun(
        e.id,
        new BrokerId(e.brokerId),
        Status.fromApiValue(e.status),
        e.requestedBy == null ? null : new UserId(e.requestedBy),
        e.total,
        e.processed,
        e.changed,
        e.lastLeadId == null ? null : new LeadId(e.lastLeadId),
        e.createdAt,
        e.startedAt,
        e.finishedAt);
  }
}
