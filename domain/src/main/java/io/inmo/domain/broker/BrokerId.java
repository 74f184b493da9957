package io.inmo.domain.broker;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a brokerage, the tenant that owns every lead, message and setting. */
public record BrokerId(UUID value) {
  public BrokerId {
    Objects.requireNonNull(value, "broker id must not be null");
  }

  public static BrokerId newId() {
    return new BrokerId(Ids.newUuid());
  }

  public static BrokerId of(String value) {
    return new BrokerId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
