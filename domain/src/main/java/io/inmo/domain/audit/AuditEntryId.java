package io.inmo.domain.audit;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies one entry of the audit log. */
public record AuditEntryId(UUID value) {
  public AuditEntryId {
    Objects.requireNonNull(value, "audit entry id must not be null");
  }

  public static AuditEntryId newId() {
    return new AuditEntryId(Ids.newUuid());
  }

  public static AuditEntryId of(String value) {
    return new AuditEntryId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
