package io.inmo.adapters.persistence.notification;

import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.PlatformScope;
import io.inmo.application.port.out.NotificationPort;
import io.inmo.application.port.out.NotificationRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.notification.Notification;
import io.inmo.domain.notification.NotificationId;
import io.inmo.domain.notification.NotificationKind;
import io.inmo.domain.user.UserId;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Persistence adapter: the in-app delivery of {@link NotificationPort} (a row per notification,
 * written in the caller's unit of work) and the inbox reads of {@link NotificationRepository}.
 */
public final class JpaNotificationStore implements NotificationPort, NotificationRepository {
  private final JpaUnitOfWork unitOfWork;

  public JpaNotificationStore(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void send(Notification notification) {
    Objects.requireNonNull(notification, "notification");
    unitOfWork.entityManager().persist(toEntity(notification));
  }

  @Override
  public List<Notification> findInbox(
      BrokerId brokerId, UserId recipient, boolean unreadOnly, Position after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1: " + limit);
    }
    StringBuilder jpql =
        new StringBuilder(
            "select n from NotificationJpaEntity n where n.brokerId = :broker"
                + " and n.userId = :user");
    if (unreadOnly) {
      jpql.append(" and n.readAt is null");
    }
    if (after != null) {
      jpql.append(" and (n.createdAt < :afterAt or (n.createdAt = :afterAt and n.id < :afterId))");
    }
    jpql.append(" order by n.createdAt desc, n.id desc");
    TypedQuery<NotificationJpaEntity> query =
        unitOfWork
            .entityManager()
            .createQuery(jpql.toString(), NotificationJpaEntity.class)
            .setParameter("broker", brokerId.value())
            .setParameter("user", recipient.value())
            .setMaxResults(limit);
    if (after != null) {
      query.setParameter("afterAt", after.createdAt()).setParameter("afterId", after.id());
    }
    return query.getResultStream().map(JpaNotificationStore::toDomain).toList();
  }

  @Override
  public long countUnread(BrokerId brokerId, UserId recipient) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select count(n) from NotificationJpaEntity n where n.brokerId = :broker"
                + " and n.userId = :user and n.readAt is null",
            Long.class)
        .setParameter("broker", brokerId.value())
        .setParameter("user", recipient.value())
        .getSingleResult();
  }

  @Override
  public Optional<Notification> findById(BrokerId brokerId, UserId recipient, NotificationId id) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "select n from NotificationJpaEntity n where n.brokerId = :broker"
                + " and n.userId = :user and n.id = :id",
            NotificationJpaEntity.class)
        .setParameter("broker", brokerId.value())
        .setParameter("user", recipient.value())
        .setParameter("id", id.value())
        .getResultStream()
        .findFirst()
        .map(JpaNotificationStore::toDomain);
  }

  @Override
  public void markRead(BrokerId brokerId, UserId recipient, NotificationId id, Instant now) {
    unitOfWork
        .entityManager()
        .createQuery(
            "update NotificationJpaEntity n set n.readAt = :now where n.brokerId = :broker"
                + " and n.userId = :user and n.id = :id and n.readAt is null")
        .setParameter("now", now)
        .setParameter("broker", brokerId.value())
        .setParameter("user", recipient.value())
        .setParameter("id", id.value())
        .executeUpdate();
  }

  @Override
  public int markAllRead(BrokerId brokerId, UserId recipient, Instant now) {
    return unitOfWork
        .entityManager()
        .createQuery(
            "update NotificationJpaEntity n set n.readAt = :now where n.brokerId = :broker"
                + " and n.userId = :user and n.readAt is null")
        .setParameter("now", now)
        .setParameter("broker", brokerId.value())
        .setParameter("user", recipient.value())
        .executeUpdate();
  }

  @Override
  public int deleteReadBefore(Instant cutoff) {
    return unitOfWork
        .entityManager()
        .createNativeQuery(
            PlatformScope.sqlComment("nightly retention: read notifications of every broker")
                + "delete from notifications where read_at < :cutoff")
        .setParameter("cutoff", cutoff)
        .executeUpdate();
  }

  private static NotificationJpaEntity toEntity(Notification n) {
    NotificationJpaEntity e = new NotificationJpaEntity();
    e.id = n.id().value();
    e.brokerId = n.brokerId().value();
    e.userId = n.recipient().value();
    e.kind = n.kind().apiValue();
    e.leadId = n.leadId() == null ? null : n.leadId().value();
    e.title = n.title();
    e.body = n.body();
    e.createdAt = n.createdAt();
    e.readAt = n.readAt();
    return e;
  }

  private static Notification toDomain(NotificationJpaEntity e) {
    return new Notification(
        new NotificationId(e.id),
        new BrokerId(e.brokerId),
        new UserId(e.userId),
        NotificationKind.fromApiValue(e.kind),
        e.leadId == null ? null : new LeadId(e.leadId),
        e.title,
        e.body,
        e.createdAt,
        e.readAt);
  }
}
