package io.inmo.adapters.persistence.conversation;

import io.inmo.adapters.persistence.BrokerScope;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.PersistenceErrors;
import io.inmo.adapters.persistence.PlatformScope;
import io.inmo.application.port.out.ChatMessageRepository;
import io.inmo.application.port.out.ChatSenderPort;
import io.inmo.application.port.out.DuplicateChatMessageException;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.ChatMessageId;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.scoring.Engagement;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Persistence adapter: stores chat messages with JPA inside the caller's unit of work. A second
 * message with the same {@code (broker, provider, providerMessageId)} fails in {@link #save} with
 * the store's unique-constraint violation ({@code
 * chat_messages_broker_id_provider_provider_message_id_key}); callers drop redeliveries with {@link
 * #findByProviderMessageId} first.
 */
public final class JpaChatMessageRepository implements ChatMessageRepository {
  private final JpaUnitOfWork unitOfWork;

  static final String PROVIDER_MESSAGE_KEY =
      "chat_messages_broker_id_provider_provider_message_id_key";

  public JpaChatMessageRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  /**
   * @throws IllegalArgumentException when the message's id is stored under another brokerage
   */
  @Override
  public void save(ChatMessage message) {
    EntityManager em = unitOfWork.entityManager();
    ChatMessageJpaEntity found =
        BrokerScope.findById(
                em, ChatMessageJpaEntity.class, message.brokerId().value(), message.id().value())
            .orElse(null);
    ChatMessageJpaEntity entity = found != null ? found : new ChatMessageJpaEntity();
    ChatMessageJpaMapper.copy(message, entity);
    try {
      if (found == null) {
        em.persist(entity);
      }
      // a duplicate provider message id must fail here, inside the caller's unit of work
      em.flush();
    } catch (PersistenceException e) {
      if (BrokerScope.isIdOfAnotherBroker(e, "chat_messages")) {
        // the scoped load found nothing, yet the id is taken
        throw new IllegalArgumentException(
            "chat message " + message.id() + " belongs to another brokerage", e);
      }
      if (PersistenceErrors.isViolationOf(e, PROVIDER_MESSAGE_KEY)) {
        throw new DuplicateChatMessageException(message.providerMessageId(), e);
      }
      throw e;
    }
  }

  @Override
  public Optional<ChatMessage> findById(BrokerId brokerId, ChatMessageId id) {
    Objects.requireNonNull(brokerId, "brokerId");
    return BrokerScope.findById(
            unitOfWork.entityManager(), ChatMessageJpaEntity.class, brokerId.value(), id.value())
        .map(ChatMessageJpaMapper::toDomain);
  }

  @Override
  public Optional<ChatMessage> findByProviderMessageId(
      BrokerId brokerId, ChatProvider provider, String providerMessageId) {
    Objects.requireNonNull(providerMessageId, "providerMessageId");
    return unitOfWork
        .entityManager()
        .createQuery(
            "select m from ChatMessageJpaEntity m where m.brokerId = :broker"
                + " and m.provider = :provider and m.providerMessageId = :pmid",
            ChatMessageJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .setParameter("provider", provider.apiValue())
        .setParameter("pmid", providerMessageId)
        .getResultStream()
        .findFirst()
        .map(ChatMessageJpaMapper::toDomain);
  }

  @Override
  public List<ChatMessage> findLatestByLead(BrokerId brokerId, LeadId leadId, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    if (limit == 0) {
      return List.of();
    }
    List<ChatMessage> newestFirst =
        unitOfWork
            .entityManager()
            .createQuery(
                "select m from ChatMessageJpaEntity m where m.brokerId = :broker"
                    + " and m.leadId = :lead order by m.createdAt desc, m.id desc",
                ChatMessageJpaEntity.class)
            .setParameter("broker", brokerId.value())
            .setParameter("lead", leadId.value())
            .setMaxResults(limit)
            .getResultStream()
            .map(ChatMessageJpaMapper::toDomain)
            .collect(Collectors.toCollection(ArrayList::new));
    Collections.reverse(newestFirst);
    return List.copyOf(newestFirst);
  }

  @Override
  public List<ChatMessage> findUnhandledInbound(
      BrokerId brokerId, LeadId leadId, ChatProvider provider, String channelUserId) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select m from ChatMessageJpaEntity m where m.brokerId = :broker and m.leadId = :lead"
                + " and m.direction = 'inbound' and m.handledAt is null and m.provider = :provider"
                + " and m.channelUserId = :user order by m.createdAt, m.id",
            ChatMessageJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .setParameter("lead", leadId.value())
        .setParameter("provider", provider.apiValue())
        .setParameter("user", channelUserId)
        .getResultStream()
        .map(ChatMessageJpaMapper::toDomain)
        .toList();
  }

  @Override
  public void markHandled(BrokerId brokerId, Collection<ChatMessageId> ids, Instant now) {
    if (ids.isEmpty()) {
      return;
    }
    EntityManager em = unitOfWork.entityManager();
    em.flush();
    em.createQuery(
            "update ChatMessageJpaEntity m set m.handledAt = :now where m.brokerId = :broker"
                + " and m.id in :ids and m.handledAt is null")
        .setParameter("now", now)
        .setParameter("broker", brokerId.value())
        .setParameter("ids", ids.stream().map(ChatMessageId::value).toList())
        .executeUpdate();
  }

  @Override
  public List<ChatMessage> claimQueuedOutbound(
      String node, Instant queuedBefore, Instant now, Duration claim, int limit) {
    EntityManager em = unitOfWork.entityManager();
    em.flush();
    @SuppressWarnings("unchecked")
    List<Object[]> claimed =
        em.createNativeQuery(
                PlatformScope.sqlComment("outbox sweep: queued replies of any broker")
                    + "update chat_messages m set send_claimed_by = :node,"
                    + " send_claimed_until = cast(:now as timestamptz)"
                    + " + cast(:claim as interval) where m.id in (select q.id from chat_messages q"
                    + " where q.direction = 'outbound' and q.delivery_status = 'queued'"
                    + " and q.created_at < :before and (q.send_claimed_until is null"
                    + " or q.send_claimed_until < :now) order by q.created_at limit :limit"
                    + " for update skip locked) returning m.broker_id, m.id")
            .setParameter("node", node)
            .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
            .setParameter("claim", claim.toMillis() + " milliseconds")
            .setParameter("before", queuedBefore.atOffset(java.time.ZoneOffset.UTC))
            .setParameter("limit", limit)
            .getResultList();
    List<ChatMessage> messages = new ArrayList<>();
    for (Object[] row : claimed) {
      findById(new BrokerId((UUID) row[0]), new ChatMessageId((UUID) row[1]))
          .ifPresent(messages::add);
    }
    return messages;
  }

  @Override
  public void saveTemplate(ChatMessage message, ChatSenderPort.Template template) {
    EntityManager em = unitOfWork.entityManager();
    em.flush();
    try {
      em.createNativeQuery(
              "insert into chat_message_templates (message_id, broker_id, name, language,"
                  + " parameters) values (:id, :broker, :name, :language, cast(:parameters as jsonb))")
          .setParameter("id", message.id().value())
          .setParameter("broker", message.brokerId().value())
          .setParameter("name", template.name())
          .setParameter("language", template.languageCode())
          .setParameter("parameters", JSON.writeValueAsString(template.bodyParameters()))
          .executeUpdate();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<ChatSenderPort.Template> findTemplate(BrokerId brokerId, ChatMessageId id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        unitOfWork
            .entityManager()
            .createNativeQuery(
                "select name, language, cast(parameters as text) from chat_message_templates"
                    + " where broker_id = :broker and message_id = :id")
            .setParameter("broker", brokerId.value())
            .setParameter("id", id.value())
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.getFirst();
    try {
      List<String> parameters =
          JSON.readValue(
              (String) row[2],
              JSON.getTypeFactory().constructCollectionType(List.class, String.class));
      return Optional.of(new ChatSenderPort.Template((String) row[0], (String) row[1], parameters));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @Override
  public boolean claimForSending(
      BrokerId brokerId, ChatMessageId id, String node, Instant now, Duration claim) {
    EntityManager em = unitOfWork.entityManager();
    em.flush();
    int claimed =
        em.createNativeQuery(
                "update chat_messages set send_claimed_by = :node,"
                    + " send_claimed_until = cast(:now as timestamptz) + cast(:claim as interval)"
                    + " where broker_id = :broker and id = :id and direction = 'outbound'"
                    + " and delivery_status = 'queued' and (send_claimed_until is null"
                    + " or send_claimed_until < :now or send_claimed_by = :node)")
            .setParameter("node", node)
            .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
            .setParameter("claim", claim.toMillis() + " milliseconds")
            .setParameter("broker", brokerId.value())
            .setParameter("id", id.value())
            .executeUpdate();
    return claimed == 1;
  }

  @Override
  public Map<LeadId, Engagement> engagements(BrokerId brokerId, Collection<LeadId> leadIds) {
    if (leadIds.isEmpty()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        unitOfWork
            .entityManager()
            .createNativeQuery(
                "select m.lead_id, count(*) filter (where m.direction = 'inbound'),"
                    + " max(m.created_at) filter (where m.direction = 'inbound'),"
                    + " percentile_cont(0.5) within group (order by m.delay)"
                    + " filter (where m.delay is not null)"
                    + " from (select c.lead_id, c.direction, c.created_at,"
                    + " case when c.direction = 'inbound' and lag(c.direction) over w ="
                    + " 'outbound' then extract(epoch from (c.created_at - lag(c.created_at)"
                    + " over w)) end as delay"
                    + " from chat_messages c where c.broker_id = :broker"
                    + " and c.lead_id in (:leads)"
                    + " window w as (partition by c.lead_id order by c.created_at, c.id)) m"
                    + " group by m.lead_id")
            .setParameter("broker", brokerId.value())
            .setParameter("leads", leadIds.stream().map(LeadId::value).toList())
            .getResultList();
    Map<LeadId, Engagement> engagements = new HashMap<>();
    for (Object[] row : rows) {
      Engagement engagement = engagement(row[1], row[2], row[3]);
      if (engagement.inboundReplies() > 0) {
        engagements.put(new LeadId((UUID) row[0]), engagement);
      }
    }
    return engagements;
  }

  private static Engagement engagement(Object count, Object lastInbound, Object medianSeconds) {
    int replies = ((Number) count).intValue();
    if (replies == 0) {
      return Engagement.NONE;
    }
    Instant last =
        switch (lastInbound) {
          case java.sql.Timestamp t -> t.toInstant();
          case Instant i -> i;
          case java.time.OffsetDateTime o -> o.toInstant();
          default -> throw new IllegalStateException("last inbound: " + lastInbound.getClass());
        };
    Duration median =
        medianSeconds == null
            ? null
            : Duration.ofMillis(Math.round(((Number) medianSeconds).doubleValue() * 1000));
    return new Engagement(replies, median, last);
  }
}
