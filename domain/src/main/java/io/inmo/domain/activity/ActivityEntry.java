package io.inmo.domain.activity;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One immutable entry of a lead's activity log: what happened, who caused it and when, with
 * JSON-compatible {@code details} (String, Number, Boolean, List, Map, null values).
 *
 * <p>{@code actorUserId} is required when {@code actorType} is {@code USER} and null otherwise.
 */
public record ActivityEntry(
    ActivityEntryId id,
    BrokerId brokerId,
    LeadId leadId,
    ActivityType type,
    Map<String, Object> details,
    ActorType actorType,
    UserId actorUserId,
    Instant at) {
  public ActivityEntry {
    Objects.requireNonNull(id, "id must not be null");
    Objects.requireNonNull(brokerId, "brokerId must not be null");
    Objects.requireNonNull(leadId, "leadId must not be null");
    Objects.requireNonNull(type, "type must not be null");
    Objects.requireNonNull(actorType, "actorType must not be null");
    Objects.requireNonNull(at, "at must not be null");
    details = JsonValues.copyObject(details == null ? Map.of() : details, "activity details");
    if ((actorType == ActorType.USER) != (actorUserId != null)) {
      throw new IllegalArgumentException(
          "actorUserId is required for user actors and only for them");
    }
  }

  /** A new entry with a fresh id; {@code details} may be null (stored as an empty object). */
  public static ActivityEntry record(
      BrokerId brokerId,
      LeadId leadId,
      ActivityType type,
      Map<String, ?> details,
      ActorType actorType,
      UserId actorUserId,
      Instant at) {
    return new ActivityEntry(
        ActivityEntryId.newId(),
        brokerId,
        leadId,
        type,
        details == null ? Map.of() : JsonValues.copyObject(details, "activity details"),
        actorType,
        actorUserId,
        at);
  }
}
