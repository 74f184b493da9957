package io.inmo.domain.user;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a staff member (superadmin, admin or agent). */
public record UserId(UUID value) {
  public UserId {
    Objects.requireNonNull(value, "user id must not be null");
  }

  public static UserId newId() {
    return new UserId(Ids.newUuid());
  }

  public static UserId of(String value) {
    return new UserId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
