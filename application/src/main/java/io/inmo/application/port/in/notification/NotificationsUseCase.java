package io.inmo.application.port.in.notification;

import io.inmo.application.security.Actor;
import io.inmo.domain.notification.Notification;
import io.inmo.domain.notification.NotificationId;
import java.util.List;

/**
 * Inbound port: the caller's own in-app notifications (every role reads only their own inbox; a
 * SUPERADMIN belongs to no broker and has none).
 */
public interface NotificationsUseCase {
  int MAX_PAGE_SIZE = 100;

  /**
   * A page of the caller's inbox, newest first, with the number of unread ones.
   *
   * @param cursor the previous page's {@code nextCursor}, or null for the first page
   * @throws io.inmo.domain.shared.InvalidValueException {@code notification.invalid} for a bad
   *     limit, {@code notification.cursor_invalid} for a cursor this API did not issue
   */
  NotificationPage list(Actor actor, boolean unreadOnly, String cursor, int limit);

  /**
   * Marks one of the caller's notifications read; returns it.
   *
   * @throws io.inmo.domain.shared.NotFoundException {@code notification.not_found} when it is not
   *     the caller's
   */
  Notification markRead(Actor actor, NotificationId id);

  /** Marks all the caller's notifications read; returns how many were unread. */
  int markAllRead(Actor actor);

  /** One page; {@code nextCursor} null on the last one. */
  record NotificationPage(List<Notification> items, String nextCursor, long unreadCount) {
    public NotificationPage {
      items = List.copyOf(items);
    }
  }
}
