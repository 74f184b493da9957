package io.inmo.domain.notification;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies one notification of a user's inbox. */
public record NotificationId(UUID value) {
  public NotificationId {
    Objects.requireNonNull(value, "notification id must not be null");
  }

  public static NotificationId newId() {
    return new NotificationId(Ids.newUuid());
  }

  public static NotificationId of(String value) {
    return new NotificationId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
