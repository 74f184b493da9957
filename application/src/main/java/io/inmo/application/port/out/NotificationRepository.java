package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.notification.Notification;
import io.inmo.domain.notification.NotificationId;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Outbound port: a staff member's in-app inbox, newest first. */
public interface NotificationRepository {

  /**
   * Up to {@code limit} of the recipient's notifications, newest first ({@code createdAt}, then
   * id), after {@code after} (null = from the newest).
   */
  List<Notification> findInbox(
      BrokerId brokerId, UserId recipient, boolean unreadOnly, Position after, int limit);

  long countUnread(BrokerId brokerId, UserId recipient);

  /** The recipient's notification {@code id}; empty when it is someone else's or unknown. */
  Optional<Notification> findById(BrokerId brokerId, UserId recipient, NotificationId id);

  /** Marks the recipient's notification read (a read one keeps its first read time). */
  void markRead(BrokerId brokerId, UserId recipient, NotificationId id, Instant now);

  /** Marks every unread notification of the recipient read; returns how many. */
  int markAllRead(BrokerId brokerId, UserId recipient, Instant now);

  /** A place in the inbox order: the last notification of the previous page. */
  record Position(Instant createdAt, UUID id) {
    public Position {
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(id, "id");
    }
  }

  /** Deletes the notifications of every broker read before {@code cutoff}; returns how many. */
  int deleteReadBefore(Instant cutoff);
}
