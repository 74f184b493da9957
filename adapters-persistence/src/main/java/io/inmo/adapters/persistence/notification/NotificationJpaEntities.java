package io.inmo.adapters.persistence.notification;

import java.util.List;

/** The JPA entity classes of the notification area. */
public final class NotificationJpaEntities {
  public static final List<Class<?>> CLASSES = List.of(NotificationJpaEntity.class);

  private NotificationJpaEntities() {}
}
