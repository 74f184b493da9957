package io.inmo.domain.activity;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies one entry of a lead's activity log. */
public record ActivityEntryId(UUID value) {
  public ActivityEntryId {
    Objects.requireNonNull(value, "activity entry id must not be null");
  }

  public static ActivityEntryId newId() {
    return new ActivityEntryId(Ids.newUuid());
  }

  public static ActivityEntryId of(String value) {
    return new ActivityEntryId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
