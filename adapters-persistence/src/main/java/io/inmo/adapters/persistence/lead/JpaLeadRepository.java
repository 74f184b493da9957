package io.inmo.adapters.persistence.lead;

import io.inmo.adapters.persistence.BrokerScope;
import io.inmo.adapters.persistence.FieldCodec;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.OptimisticLocks;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.application.port.out.LeadRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.ChannelIdentity;
import io.inmo.domain.lead.IdentityTakenException;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Persistence adapter: stores leads and their channel identities ({@code lead_identities}) with JPA
 * inside the caller's unit of work, always scoped by broker: a lead of another broker is never
 * found. Sensitive facts pass through the {@link FieldCodec} (plaintext until encryption at rest
 * lands). An identity linked to another lead of the broker fails with {@link
 * IdentityTakenException}; a stale version with {@link
 * jakarta.persistence.OptimisticLockException}.
 */
public final class JpaLeadRepository implements LeadRepository {
  static final String IDENTITY_KEY = "lead_identities_broker_id_channel_value_key";

  private final JpaUnitOfWork unitOfWork;
  private final FieldCodec codec;

  public JpaLeadRepository(JpaUnitOfWork unitOfWork, FieldCodec codec) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  @Override
  public Optional<Lead> findById(BrokerId brokerId, LeadId id) {
    Objects.requireNonNull(brokerId, "brokerId");
    Objects.requireNonNull(id, "id");
    EntityManager em = unitOfWork.entityManager();
    return BrokerScope.findById(em, LeadJpaEntity.class, brokerId.value(), id.value())
        .map(e -> toDomain(em, e));
  }

  @Override
  public Optional<Lead> findByIdentity(BrokerId brokerId, ChannelIdentity identity) {
    Objects.requireNonNull(brokerId, "brokerId");
    Objects.requireNonNull(identity, "identity");
    return unitOfWork
        .entityManager()
        .createQuery(
            "select i.leadId from LeadIdentityJpaEntity i where i.brokerId = :brokerId"
                + " and i.channel = :channel and i.identityValue = :value",
            UUID.class)
        .setParameter("brokerId", brokerId.value())
        .setParameter("channel", identity.channel().apiValue())
        .setParameter("value", identity.value())
        .getResultStream()
        .findFirst()
        .flatMap(leadId -> findById(brokerId, new LeadId(leadId)));
  }

  @Override
  public Optional<Lead> findByPhone(BrokerId brokerId, PhoneNumber phone) {
    Objects.requireNonNull(phone, "phone");
    return oldestLive(brokerId, "l.phone = :value", phone.value());
  }

  @Override
  public Optional<Lead> findByEmail(BrokerId brokerId, Email email) {
    Objects.requireNonNull(email, "email");
    // lower(email) is what the index leads_broker_id_email_idx covers
    return oldestLive(brokerId, "lower(l.email) = :value", email.value());
  }

  /**
   * Inserts or updates the lead, syncs its identity rows (inserts linked ones, deletes released
   * ones) and flushes so that constraint violations surface here.
   *
   * @throws IdentityTakenException when a linked identity belongs to another lead of the broker
   * @throws jakarta.persistence.OptimisticLockException when the lead changed since it was read
   * @throws IllegalStateException when the lead's id is stored under another broker
   */
  @Override
  public void save(Lead lead) {
    Objects.requireNonNull(lead, "lead");
    EntityManager em = unitOfWork.entityManager();
    LeadJpaEntity entity =
        BrokerScope.findById(em, LeadJpaEntity.class, lead.brokerId().value(), lead.id().value())
            .orElse(null);
    List<ChannelIdentity> added = new ArrayList<>();
    try {
      List<LeadIdentityJpaEntity> stored;
      if (entity == null) {
        entity = new LeadJpaEntity();
        LeadJpaMapper.copy(lead, entity, codec);
        entity.version = lead.version();
        entity.versionReadByThisUnit = lead.version();
        em.persist(entity);
        stored = List.of();
      } else {
        OptimisticLocks.requireCurrent(
            "lead", lead.id(), lead.version(), entity.version, entity.versionReadByThisUnit);
        LeadJpaMapper.copy(lead, entity, codec);
        stored = identityRows(em, entity.brokerId, entity.id);
      }
      syncIdentities(em, lead, stored, added);
      em.flush();
    } catch (PersistenceException e) {
      if (PersistenceErrors.isViolationOf(e, IDENTITY_KEY)) {
        // a concurrent writer linked it between our check and the insert
        IdentityTakenException taken =
            added.size() == 1
                ? new IdentityTakenException(added.get(0))
                : new IdentityTakenException(
                    "one of the lead's identities is already linked to another lead");
        taken.initCause(e);
        throw taken;
      }
      if (BrokerScope.isIdOfAnotherBroker(e, "leads")) {
        // the scoped load found nothing, yet the id is taken
        throw new IllegalStateException("lead " + lead.id() + " is stored under another broker", e);
      }
      throw e;
    }
  }

  @Override
  public void saveAll(Collection<Lead> leads) {
    if (leads.isEmpty()) {
      return;
    }
    EntityManager em = unitOfWork.entityManager();
    UUID brokerId = leads.iterator().next().brokerId().value();
    List<UUID> ids = new ArrayList<>();
    for (Lead lead : leads) {
      if (!lead.brokerId().value().equals(brokerId)) {
        throw new IllegalArgumentException("saveAll takes the leads of one broker");
      }
      ids.add(lead.id().value());
    }
    Map<UUID, LeadJpaEntity> entities = new HashMap<>();
    em.createQuery(
            "select l from LeadJpaEntity l where l.brokerId = :brokerId and l.id in :ids",
            LeadJpaEntity.class)
        .setParameter("brokerId", brokerId)
        .setParameter("ids", ids)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList()
        .forEach(entity -> entities.put(entity.id, entity));
    Map<UUID, List<LeadIdentityJpaEntity>> rows = new HashMap<>();
    em.createQuery(
            "select i from LeadIdentityJpaEntity i where i.brokerId = :brokerId"
                + " and i.leadId in :ids order by i.createdAt, i.id",
            LeadIdentityJpaEntity.class)
        .setParameter("brokerId", brokerId)
        .setParameter("ids", ids)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList()
        .forEach(row -> rows.computeIfAbsent(row.leadId, id -> new ArrayList<>()).add(row));
    List<ChannelIdentity> added = new ArrayList<>();
    try {
      for (Lead lead : leads) {
        LeadJpaEntity entity = entities.get(lead.id().value());
        if (entity == null) {
          throw new IllegalStateException("lead " + lead.id() + " is not stored for its broker");
        }
        OptimisticLocks.requireCurrent(
            "lead", lead.id(), lead.version(), entity.version, entity.versionReadByThisUnit);
        LeadJpaMapper.copy(lead, entity, codec);
        syncIdentities(em, lead, rows.getOrDefault(entity.id, List.of()), added);
      }
      em.flush();
    } catch (PersistenceException e) {
      if (PersistenceErrors.isViolationOf(e, IDENTITY_KEY)) {
        IdentityTakenException taken =
            new IdentityTakenException(
                "one of the leads' identities is already linked to another lead");
        taken.initCause(e);
        throw taken;
      }
      throw e;
    }
  }

  @Override
  public List<Lead> findLiveByContacts(
      BrokerId brokerId, Collection<PhoneNumber> phones, Collection<Email> emails) {
    Objects.requireNonNull(brokerId, "brokerId");
    return JpaLeadBulk.findLiveByContacts(
        unitOfWork.entityManager(), codec, brokerId.value(), phones, emails);
  }

  @Override
  public void insertAll(Collection<Lead> leads) {
    JpaLeadBulk.insertAll(unitOfWork.entityManager(), codec, leads);
  }

  @Override
  public List<Lead> findLiveAfter(BrokerId brokerId, LeadId after, int limit) {
    Objects.requireNonNull(brokerId, "brokerId");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1: " + limit);
    }
    return JpaLeadBulk.findLiveAfter(
        unitOfWork.entityManager(),
        codec,
        brokerId.value(),
        after == null ? null : after.value(),
        limit);
  }

  @Override
  public long countLive(BrokerId brokerId) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select count(l) from LeadJpaEntity l where l.brokerId = :brokerId"
                + " and l.deletedAt is null",
            Long.class)
        .setParameter("brokerId", brokerId.value())
        .getSingleResult();
  }

  @Override
  public List<Lead> findNightlyCandidates(
      BrokerId brokerId, String decayingFactor, Instant idleBefore, LeadId after, int limit) {
    Objects.requireNonNull(brokerId, "brokerId");
    Objects.requireNonNull(decayingFactor, "decayingFactor");
    Objects.requireNonNull(idleBefore, "idleBefore");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1: " + limit);
    }
    return JpaLeadBulk.findNightlyCandidates(
        unitOfWork.entityManager(),
        codec,
        brokerId.value(),
        decayingFactor,
        idleBefore,
        after == null ? null : after.value(),
        limit);
  }

  /** Deletes released identity rows and inserts new ones, collecting them in {@code added}. */
  private void syncIdentities(
      EntityManager em,
      Lead lead,
      List<LeadIdentityJpaEntity> stored,
      List<ChannelIdentity> added) {
    Map<ChannelIdentity, Instant> wanted = lead.identityLinks();
    Set<ChannelIdentity> present = new HashSet<>();
    for (LeadIdentityJpaEntity row : stored) {
      ChannelIdentity identity = LeadJpaMapper.toDomain(row);
      if (wanted.containsKey(identity)) {
        present.add(identity);
      } else {
        em.remove(row);
      }
    }
    wanted.forEach(
        (identity, linkedAt) -> {
          if (!present.contains(identity)) {
            requireFree(em, lead, identity);
            em.persist(LeadJpaMapper.identityRow(lead, identity, linkedAt));
            added.add(identity);
          }
        });
  }

  private static void requireFree(EntityManager em, Lead lead, ChannelIdentity identity) {
    boolean taken =
        !em.createQuery(
                "select i.id from LeadIdentityJpaEntity i where i.brokerId = :brokerId"
                    + " and i.channel = :channel and i.identityValue = :value"
                    + " and i.leadId <> :leadId")
            .setParameter("brokerId", lead.brokerId().value())
            .setParameter("channel", identity.channel().apiValue())
            .setParameter("value", identity.value())
            .setParameter("leadId", lead.id().value())
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
    if (taken) {
      throw new IdentityTakenException(identity);
    }
  }

  private Optional<Lead> oldestLive(BrokerId brokerId, String condition, String value) {
    Objects.requireNonNull(brokerId, "brokerId");
    EntityManager em = unitOfWork.entityManager();
    return em.createQuery(
            "select l from LeadJpaEntity l where l.brokerId = :brokerId and l.deletedAt is null"
                + " and "
                + condition
                + " order by l.createdAt, l.id",
            LeadJpaEntity.class)
        .setParameter("brokerId", brokerId.value())
        .setParameter("value", value)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(e -> toDomain(em, e));
  }

  private Lead toDomain(EntityManager em, LeadJpaEntity entity) {
    return LeadJpaMapper.toDomain(entity, identityRows(em, entity.brokerId, entity.id), codec);
  }

  private static List<LeadIdentityJpaEntity> identityRows(
      EntityManager em, UUID brokerId, UUID leadId) {
    return em.createQuery(
            "select i from LeadIdentityJpaEntity i where i.brokerId = :brokerId"
                + " and i.leadId = :leadId order by i.createdAt, i.id",
            LeadIdentityJpaEntity.class)
        .setParameter("brokerId", brokerId)
        .setParameter("leadId", leadId)
        .getResultList();
  }
}
