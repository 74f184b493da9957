package io.inmo.application.service.notification;

import io.inmo.application.port.in.notification.NotificationsUseCase;
import io.inmo.application.port.out.NotificationRepository;
import io.inmo.application.port.out.NotificationRepository.Position;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.security.Actor;
import io.inmo.domain.notification.Notification;
import io.inmo.domain.notification.NotificationId;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Application service: the caller's in-app inbox. */
public final class NotificationService implements NotificationsUseCase {
  private static final String CURSOR_VERSION = "n1";

  private final NotificationRepository notifications;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public NotificationService(
      NotificationRepository notifications, UnitOfWorkPort unitOfWork, Clock clock) {
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public NotificationPage list(Actor actor, boolean unreadOnly, String cursor, int limit) {
    Objects.requireNonNull(actor, "actor");
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InvalidValueException(
          "notification.invalid", "limit debe estar entre 1 y " + MAX_PAGE_SIZE + ".");
    }
    Position after = decode(cursor);
    if (actor.brokerId() == null) {
      return new NotificationPage(List.of(), null, 0);
    }
    return unitOfWork.inTransaction(
        () -> {
          List<Notification> found =
              notifications.findInbox(
                  actor.brokerId(), actor.userId(), unreadOnly, after, limit + 1);
          boolean more = found.size() > limit;
          List<Notification> page = more ? found.subList(0, limit) : found;
          String next = more ? encode(page.get(page.size() - 1)) : null;
          return new NotificationPage(
              page, next, notifications.countUnread(actor.brokerId(), actor.userId()));
        });
  }

  @Override
  public Notification markRead(Actor actor, NotificationId id) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    if (actor.brokerId() == null) {
      throw notFound();
    }
    return unitOfWork.inTransaction(
        () -> {
          Notification notification =
              notifications
                  .findById(actor.brokerId(), actor.userId(), id)
                  .orElseThrow(NotificationService::notFound);
          if (notification.isRead()) {
            return notification;
          }
          Instant now = now();
          notifications.markRead(actor.brokerId(), actor.userId(), id, now);
          return new Notification(
              notification.id(),
              notification.brokerId(),
              notification.recipient(),
              notification.kind(),
              notification.leadId(),
              notification.title(),
              notification.body(),
              notification.createdAt(),
              now);
        });
  }

  @Override
  public int markAllRead(Actor actor) {
    Objects.requireNonNull(actor, "actor");
    if (actor.brokerId() == null) {
      return 0;
    }
    return unitOfWork.inTransaction(
        () -> notifications.markAllRead(actor.brokerId(), actor.userId(), now()));
  }

  /** The database keeps microseconds: answer the read time it will give back later. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static String encode(Notification last) {
    String plain = CURSOR_VERSION + "|" + last.createdAt() + "|" + last.id().value();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  static Position decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String plain =
          new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
      String[] parts = plain.split("\\|", -1);
      if (parts.length != 3 || !CURSOR_VERSION.equals(parts[0])) {
        throw invalidCursor();
      }
      return new Position(Instant.parse(parts[1]), UUID.fromString(parts[2]));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw invalidCursor();
    }
  }

  private static InvalidValueException invalidCursor() {
    return new InvalidValueException(
        "notification.cursor_invalid", "El cursor no es válido: pide la primera página de nuevo.");
  }

  private static NotFoundException notFound() {
    return new NotFoundException("notification.not_found", "La notificación no existe.");
  }
}
