package io.inmo.adapters.persistence.call;

import io.inmo.adapters.persistence.BrokerScope;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.OptimisticLocks;
import io.inmo.adapters.persistence.PlatformScope;
import io.inmo.application.port.out.VoiceCallRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.call.TranscriptLine;
import io.inmo.domain.call.VoiceCall;
import io.inmo.domain.call.VoiceCallId;
import io.inmo.domain.call.VoiceProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence adapter: stores voice calls and their transcript lines with JPA inside the caller's
 * unit of work. Lines are matched by seq: a stored line keeps its row id and {@code created_at},
 * new seqs are inserted and missing ones deleted.
 */
public final class JpaVoiceCallRepository implements VoiceCallRepository {
  private final JpaUnitOfWork unitOfWork;

  public JpaVoiceCallRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public Optional<VoiceCall> findById(BrokerId brokerId, VoiceCallId id) {
    Objects.requireNonNull(brokerId, "brokerId");
    EntityManager em = unitOfWork.entityManager();
    return BrokerScope.findById(em, VoiceCallJpaEntity.class, brokerId.value(), id.value())
        .map(c -> VoiceCallJpaMapper.toDomain(c, lines(em, c.brokerId, c.id)));
  }

  /** A platform-level lookup: provider webhooks name the call before the tenant is known. */
  @Override
  public Optional<VoiceCall> findByExternalCallId(VoiceProvider provider, String externalCallId) {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(externalCallId, "externalCallId");
    EntityManager em = unitOfWork.entityManager();
    return PlatformScope.hint(
            em.createQuery(
                "select c from VoiceCallJpaEntity c where c.provider = :provider"
                    + " and c.externalCallId = :external",
                VoiceCallJpaEntity.class),
            "voice provider webhook: the provider's call id identifies the broker")
        .setParameter("provider", provider.apiValue())
        .setParameter("external", externalCallId)
        .getResultStream()
        .findFirst()
        .map(c -> VoiceCallJpaMapper.toDomain(c, lines(em, c.brokerId, c.id)));
  }

  /**
   * @throws IllegalArgumentException when the call's id is stored under another brokerage
   */
  @Override
  public void save(VoiceCall call) {
    EntityManager em = unitOfWork.entityManager();
    VoiceCallJpaEntity found =
        BrokerScope.findById(
                em, VoiceCallJpaEntity.class, call.brokerId().value(), call.id().value())
            .orElse(null);
    VoiceCallJpaEntity entity = found != null ? found : new VoiceCallJpaEntity();
    if (found != null) {
      OptimisticLocks.requireCurrent(
          "voice call", call.id(), call.version(), found.version, found.versionReadByThisUnit);
    }
    VoiceCallJpaMapper.copy(call, entity);
    try {
      if (found == null) {
        em.persist(entity);
        call.transcriptLines()
            .forEach(line -> em.persist(VoiceCallJpaMapper.toEntity(call, line, call.updatedAt())));
      } else {
        replaceLines(em, call);
      }
      em.flush();
    } catch (PersistenceException e) {
      if (BrokerScope.isIdOfAnotherBroker(e, "voice_calls")) {
        // the scoped load found nothing, yet the id is taken
        throw new IllegalArgumentException(
            "voice call " + call.id() + " belongs to another brokerage", e);
      }
      throw e;
    }
  }

  private static void replaceLines(EntityManager em, VoiceCall call) {
    Map<Integer, TranscriptLineJpaEntity> stored = new HashMap<>();
    for (TranscriptLineJpaEntity row : lines(em, call.brokerId().value(), call.id().value())) {
      // a duplicate seq can only come from outside the adapter: keep one, drop the others
      TranscriptLineJpaEntity previous = stored.put(row.seq, row);
      if (previous != null) {
        em.remove(previous);
      }
    }
    for (TranscriptLine line : call.transcriptLines()) {
      TranscriptLineJpaEntity row = stored.remove(line.seq());
      if (row != null) {
        VoiceCallJpaMapper.copy(line, row);
      } else {
        em.persist(VoiceCallJpaMapper.toEntity(call, line, call.updatedAt()));
      }
    }
    stored.values().forEach(em::remove);
  }

  private static List<TranscriptLineJpaEntity> lines(EntityManager em, UUID brokerId, UUID callId) {
    return em.createQuery(
            "select l from TranscriptLineJpaEntity l where l.brokerId = :broker"
                + " and l.voiceCallId = :call order by l.seq, l.createdAt, l.id",
            TranscriptLineJpaEntity.class)
        .setParameter("broker", brokerId)
        .setParameter("call", callId)
        .getResultList();
  }
}
