package io.inmo.domain.lead;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a lead: a prospective buyer, seller or tenant of one brokerage. */
public record LeadId(UUID value) {
  public LeadId {
    Objects.requireNonNull(value, "lead id must not be null");
  }

  public static LeadId newId() {
    return new LeadId(Ids.newUuid());
  }

  public static LeadId of(String value) {
    return new LeadId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
