package io.inmo.adapters.persistence.lead;

import io.inmo.adapters.persistence.FieldCodec;
import io.inmo.domain.lead.ChannelIdentity;
import io.inmo.domain.lead.IdentityChannel;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.PhoneNumber;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The set-at-a-time half of {@link JpaLeadRepository}, for imports: finds the leads of many phones
 * and e-mails in four queries, and inserts many new leads without a lookup per lead (the unique
 * identity key still refuses a duplicate, failing the whole unit of work).
 */
final class JpaLeadBulk {
  private JpaLeadBulk() {}

  static List<Lead> findLiveByContacts(
      EntityManager em,
      FieldCodec codec,
      UUID brokerId,
      Collection<PhoneNumber> phones,
      Collection<Email> emails) {
    Set<String> phoneValues = new LinkedHashSet<>();
    phones.forEach(p -> phoneValues.add(p.value()));
    Set<String> emailValues = new LinkedHashSet<>();
    emails.forEach(e -> emailValues.add(e.value()));
    if (phoneValues.isEmpty() && emailValues.isEmpty()) {
      return List.of();
    }
    Set<UUID> ids = new LinkedHashSet<>();
    if (!phoneValues.isEmpty()) {
      ids.addAll(identityLeads(em, brokerId, IdentityChannel.PHONE, phoneValues));
      ids.addAll(
          em.createQuery(
                  "select l.id from LeadJpaEntity l where l.brokerId = :brokerId"
                      + " and l.deletedAt is null and l.phone in :values",
                  UUID.class)
              .setParameter("brokerId", brokerId)
              .setParameter("values", phoneValues)
              .setFlushMode(FlushModeType.COMMIT)
              .getResultList());
    }
    if (!emailValues.isEmpty()) {
      ids.addAll(identityLeads(em, brokerId, IdentityChannel.EMAIL, emailValues));
      ids.addAll(
          em.createQuery(
                  "select l.id from LeadJpaEntity l where l.brokerId = :brokerId"
                      + " and l.deletedAt is null and lower(l.email) in :values",
                  UUID.class)
              .setParameter("brokerId", brokerId)
              .setParameter("values", emailValues)
              .setFlushMode(FlushModeType.COMMIT)
              .getResultList());
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    return withIdentities(
        em,
        codec,
        brokerId,
        em.createQuery(
                "select l from LeadJpaEntity l where l.brokerId = :brokerId"
                    + " and l.deletedAt is null and l.id in :ids order by l.createdAt, l.id",
                LeadJpaEntity.class)
            .setParameter("brokerId", brokerId)
            .setParameter("ids", ids)
            .setFlushMode(FlushModeType.COMMIT)
            .getResultList());
  }

  /**
   * Up to {@code limit} live leads of the broker after {@code after} in id order, with identities.
   */
  static List<Lead> findLiveAfter(
      EntityManager em, FieldCodec codec, UUID brokerId, UUID after, int limit) {
    return withIdentities(
        em,
        codec,
        brokerId,
        em.createQuery(
                "select l from LeadJpaEntity l where l.brokerId = :brokerId"
                    + " and l.deletedAt is null and l.id > :after order by l.id",
                LeadJpaEntity.class)
            .setParameter("brokerId", brokerId)
            .setParameter("after", after == null ? new UUID(0, 0) : after)
            .setMaxResults(limit)
            .getResultList());
  }

  /** See {@code LeadRepository#findNightlyCandidates}. */
  static List<Lead> findNightlyCandidates(
      EntityManager em,
      FieldCodec codec,
      UUID brokerId,
      String decayingFactor,
      Instant idleBefore,
      UUID after,
      int limit) {
    @SuppressWarnings("unchecked")
    List<UUID> ids =
        em.createNativeQuery(
                "select l.id from leads l where l.broker_id = :broker and l.deleted_at is null"
                    + " and l.pipeline_stage not in ('won', 'lost') and l.id > :after"
                    + " and (l.score_components @> jsonb_build_array(jsonb_build_object("
                    + "'factor', cast(:factor as text)))"
                    + " or (l.stale_since is null and l.opted_out_at is null"
                    + " and greatest(l.created_at, l.stage_entered_at, l.last_contacted_at)"
                    + " <= :idleBefore))"
                    + " order by l.id limit :limit",
                UUID.class)
            .setParameter("broker", brokerId)
            .setParameter("after", after == null ? new UUID(0, 0) : after)
            .setParameter("factor", decayingFactor)
            .setParameter("idleBefore", idleBefore)
            .setParameter("limit", limit)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return withIdentities(
        em,
        codec,
        brokerId,
        em.createQuery(
                "select l from LeadJpaEntity l where l.brokerId = :brokerId and l.id in :ids"
                    + " order by l.id",
                LeadJpaEntity.class)
            .setParameter("brokerId", brokerId)
            .setParameter("ids", ids)
            .getResultList());
  }

  /** The leads of these rows with their identity rows, read in one more query. */
  static List<Lead> withIdentities(
      EntityManager em, FieldCodec codec, UUID brokerId, List<LeadJpaEntity> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = found.stream().map(entity -> entity.id).toList();
    Map<UUID, List<LeadIdentityJpaEntity>> identities = new HashMap<>();
    em.createQuery(
            "select i from LeadIdentityJpaEntity i where i.brokerId = :brokerId"
                + " and i.leadId in :ids order by i.createdAt, i.id",
            LeadIdentityJpaEntity.class)
        .setParameter("brokerId", brokerId)
        .setParameter("ids", ids)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList()
        .forEach(row -> identities.computeIfAbsent(row.leadId, id -> new ArrayList<>()).add(row));
    List<Lead> leads = new ArrayList<>(found.size());
    for (LeadJpaEntity entity : found) {
      leads.add(
          LeadJpaMapper.toDomain(entity, identities.getOrDefault(entity.id, List.of()), codec));
    }
    return leads;
  }

  private static List<UUID> identityLeads(
      EntityManager em, UUID brokerId, IdentityChannel channel, Set<String> values) {
    return em.createQuery(
            "select i.leadId from LeadIdentityJpaEntity i where i.brokerId = :brokerId"
                + " and i.channel = :channel and i.identityValue in :values",
            UUID.class)
        .setParameter("brokerId", brokerId)
        .setParameter("channel", channel.apiValue())
        .setParameter("values", values)
        .setFlushMode(FlushModeType.COMMIT)
        .getResultList();
  }

  /** Persists new leads with their identity rows; flushed in JDBC batches by the caller's flush. */
  static void insertAll(EntityManager em, FieldCodec codec, Collection<Lead> leads) {
    for (Lead lead : leads) {
      LeadJpaEntity entity = new LeadJpaEntity();
      LeadJpaMapper.copy(lead, entity, codec);
      entity.version = lead.version();
      entity.versionReadByThisUnit = lead.version();
      em.persist(entity);
      Map<ChannelIdentity, java.time.Instant> links = new LinkedHashMap<>(lead.identityLinks());
      links.forEach(
          (identity, linkedAt) -> em.persist(LeadJpaMapper.identityRow(lead, identity, linkedAt)));
    }
  }
}
