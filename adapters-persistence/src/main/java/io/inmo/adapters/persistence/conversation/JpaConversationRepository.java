package io.inmo.adapters.persistence.conversation;

import io.inmo.adapters.persistence.BrokerScope;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.OptimisticLocks;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.adapters.persistence.PlatformScope;
import io.inmo.application.port.out.ConcurrentChangeException;
import io.inmo.application.port.out.ConversationRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.conversation.Conversation;
import io.inmo.domain.conversation.ConversationId;
import io.inmo.domain.conversation.EscalationPolicy.Reason;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence adapter: conversations in {@code conversations} (0010). The aggregate's state goes
 * through JPA with optimistic locking; the turn queue columns (ADR 0015) only through the native
 * statements here, so saving a conversation never disturbs a turn being scheduled or claimed.
 */
public final class JpaConversationRepository implements ConversationRepository {
  private final JpaUnitOfWork unitOfWork;

  static final String CHANNEL_KEY = "conversations_broker_id_provider_channel_user_id_key";

  public JpaConversationRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public Optional<Conversation> findById(BrokerId brokerId, ConversationId id) {
    return BrokerScope.findById(
            unitOfWork.entityManager(), ConversationJpaEntity.class, brokerId.value(), id.value())
        .map(JpaConversationRepository::toDomain);
  }

  @Override
  public Optional<Conversation> findByChannel(
      BrokerId brokerId, ChatProvider provider, String channelUserId) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select c from ConversationJpaEntity c where c.brokerId = :broker"
                + " and c.provider = :provider and c.channelUserId = :user",
            ConversationJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .setParameter("provider", provider.apiValue())
        .setParameter("user", channelUserId)
        .getResultStream()
        .findFirst()
        .map(JpaConversationRepository::toDomain);
  }

  @Override
  public List<Conversation> findByLead(BrokerId brokerId, LeadId leadId) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select c from ConversationJpaEntity c where c.brokerId = :broker"
                + " and c.leadId = :lead order by c.createdAt, c.id",
            ConversationJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .setParameter("lead", leadId.value())
        .getResultStream()
        .map(JpaConversationRepository::toDomain)
        .toList();
  }

  @Override
  public void save(Conversation c) {
    EntityManager em = unitOfWork.entityManager();
    ConversationJpaEntity entity =
        BrokerScope.findById(em, ConversationJpaEntity.class, c.brokerId().value(), c.id().value())
            .orElse(null);
    if (entity == null) {
      entity = new ConversationJpaEntity();
      copy(c, entity);
      entity.version = c.version();
      entity.versionReadByThisUnit = c.version();
      em.persist(entity);
    } else {
      OptimisticLocks.requireCurrent(
          "conversation", c.id(), c.version(), entity.version, entity.versionReadByThisUnit);
      copy(c, entity);
    }
    try {
      em.flush();
    } catch (PersistenceException e) {
      if (PersistenceErrors.isViolationOf(e, CHANNEL_KEY)) {
        // another node started this channel identity's conversation at the same moment
        throw new ConcurrentChangeException(e);
      }
      throw e;
    }
  }

  @Override
  public void delete(Conversation c) {
    EntityManager em = unitOfWork.entityManager();
    BrokerScope.findById(em, ConversationJpaEntity.class, c.brokerId().value(), c.id().value())
        .ifPresent(em::remove);
    em.flush();
  }

  @Override
  public void scheduleTurn(
      BrokerId brokerId, ConversationId id, Instant now, Duration burst, Duration maxDelay) {
    EntityManager em = unitOfWork.entityManager();
    em.flush();
    em.createNativeQuery(
            "update conversations set turn_pending_since = coalesce(turn_pending_since, :now),"
                + " turn_due_at = least(cast(:now as timestamptz) + cast(:burst as interval),"
                + " coalesce(turn_pending_since, :now) + cast(:maxDelay as interval))"
                + " where broker_id = :broker and id = :id")
        .setParameter("now", offset(now))
        .setParameter("burst", interval(burst))
        .setParameter("maxDelay", interval(maxDelay))
        .setParameter("broker", brokerId.value())
        .setParameter("id", id.value())
        .executeUpdate();
  }

  @Override
  public Optional<Instant> latestInboundAt(BrokerId brokerId, ChatProvider provider) {
    Object found =
        unitOfWork
            .entityManager()
            .createNativeQuery(
                "select max(c.last_inbound_at) from conversations c where c.broker_id = :broker"
                    + " and c.provider = :provider")
            .setParameter("broker", brokerId.value())
            .setParameter("provider", provider.apiValue())
            .getSingleResult();
    return Optional.ofNullable(found).map(JpaConversationRepository::instant);
  }

  @Override
  public boolean aiAnswering(
      BrokerId brokerId, ChatProvider provider, String channelUserId, Instant now) {
    Object found =
        unitOfWork
            .entityManager()
            .createNativeQuery(
                "select exists (select 1 from conversations where broker_id = :broker"
                    + " and provider = :provider and channel_user_id = :user"
                    + " and taken_over_by is null and escalation is null"
                    + " and (turn_due_at is not null or turn_claimed_until > :now))")
            .setParameter("broker", brokerId.value())
            .setParameter("provider", provider.apiValue())
            .setParameter("user", channelUserId)
            .setParameter("now", offset(now))
            .getSingleResult();
    return Boolean.TRUE.equals(found);
  }

  @Override
  public Optional<ClaimedTurn> claimDueTurn(String node, Instant now, Duration claim) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        unitOfWork
            .entityManager()
            .createNativeQuery(
                PlatformScope.sqlComment("turn worker: the longest-due conversation of any broker")
                    + "update conversations c set turn_claimed_by = :node,"
                    + " turn_claimed_until = cast(:now as timestamptz) + cast(:claim as interval)"
                    + " where c.id = (select q.id from conversations q"
                    + " where q.turn_due_at <= :now and (q.turn_claimed_until is null"
                    + " or q.turn_claimed_until < :now) order by q.turn_due_at limit 1"
                    + " for update skip locked)"
                    + " returning c.broker_id, c.id, c.turn_due_at, c.turn_failures")
            .setParameter("node", node)
            .setParameter("now", offset(now))
            .setParameter("claim", interval(claim))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.getFirst();
    return Optional.of(
        new ClaimedTurn(
            new BrokerId((UUID) row[0]),
            new ConversationId((UUID) row[1]),
            instant(row[2]),
            ((Number) row[3]).intValue()));
  }

  @Override
  public boolean finishTurn(
      BrokerId brokerId, ConversationId id, String node, boolean more, Instant now) {
    EntityManager em = unitOfWork.entityManager();
    em.flush();
    return em.createNativeQuery(
                "update conversations set turn_claimed_by = null, turn_claimed_until = null,"
                    + " turn_failures = 0,"
                    + " turn_due_at = case when :more then cast(:now as timestamptz) end,"
                    + " turn_pending_since = case when :more then cast(:now as timestamptz) end"
                    + " where broker_id = :broker and id = :id and turn_claimed_by = :node"
                    + " and turn_claimed_until >= :now")
            .setParameter("more", more)
            .setParameter("now", offset(now))
            .setParameter("broker", brokerId.value())
            .setParameter("id", id.value())
            .setParameter("node", node)
            .executeUpdate()
        == 1;
  }

  @Override
  public void failTurn(
      BrokerId brokerId, ConversationId id, String node, Instant retryAt, Instant now) {
    EntityManager em = unitOfWork.entityManager();
    em.flush();
    em.createNativeQuery(
            "update conversations set turn_claimed_by = null, turn_claimed_until = null,"
                + " turn_failures = turn_failures + 1, turn_due_at = :retryAt"
                + " where broker_id = :broker and id = :id and turn_claimed_by = :node"
                + " and turn_claimed_until >= :now")
        .setParameter("retryAt", offset(retryAt))
        .setParameter("now", offset(now))
        .setParameter("broker", brokerId.value())
        .setParameter("id", id.value())
        .setParameter("node", node)
        .executeUpdate();
  }

  private static void copy(Conversation c, ConversationJpaEntity e) {
    e.id = c.id().value();
    e.brokerId = c.brokerId().value();
    e.leadId = c.leadId().value();
    e.provider = c.provider().apiValue();
    e.channelUserId = c.channelUserId();
    e.takenOverBy = c.takenOverBy() == null ? null : c.takenOverBy().value();
    e.takenOverAt = micros(c.takenOverAt());
    e.lastStaffActivityAt = micros(c.lastStaffActivityAt());
    e.escalation = c.escalation() == null ? null : c.escalation().apiValue();
    e.escalatedAt = micros(c.escalatedAt());
    e.lastInboundAt = micros(c.lastInboundAt());
    e.createdAt = micros(c.createdAt());
    e.updatedAt = micros(c.updatedAt());
  }

  private static Conversation toDomain(ConversationJpaEntity e) {
    return Conversation.reconstitute(
        new ConversationId(e.id),
        new BrokerId(e.brokerId),
        new LeadId(e.leadId),
        ChatProvider.fromApiValue(e.provider),
        e.channelUserId,
        e.takenOverBy == null ? null : new UserId(e.takenOverBy),
        e.takenOverAt,
        e.lastStaffActivityAt,
        e.escalation == null ? null : Reason.valueOf(e.escalation.toUpperCase(Locale.ROOT)),
        e.escalatedAt,
        e.lastInboundAt,
        e.createdAt,
        e.updatedAt,
        e.version);
  }

  private static OffsetDateTime offset(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS).atOffset(java.time.ZoneOffset.UTC);
  }

  private static String interval(Duration duration) {
    return duration.toMillis() + " milliseconds";
  }

  private static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }

  private static Instant instant(Object value) {
    return switch (value) {
      case java.sql.Timestamp t -> t.toInstant();
      case Instant i -> i;
      case OffsetDateTime o -> o.toInstant();
      default -> throw new IllegalStateException("timestamp of type " + value.getClass());
    };
  }
}
