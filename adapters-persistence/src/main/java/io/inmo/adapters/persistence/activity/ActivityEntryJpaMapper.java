package io.inmo.adapters.persistence.activity;

import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.activity.ActivityEntryId;
import io.inmo.domain.activity.ActivityType;
import io.inmo.domain.activity.ActorType;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import io.inmo.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps activity entries between the domain and {@link ActivityEntryJpaEntity}. */
final class ActivityEntryJpaMapper {
  private ActivityEntryJpaMapper() {}

  static ActivityEntry toDomain(ActivityEntryJpaEntity e) {
    return new ActivityEntry(
        new ActivityEntryId(e.id),
        new BrokerId(e.brokerId),
        new LeadId(e.leadId),
        ActivityType.fromApiValue(e.type),
        e.details == null ? Map.of() : e.details,
        e.actorType == null ? ActorType.SYSTEM : ActorType.fromApiValue(e.actorType),
        e.actorUserId == null ? null : new UserId(e.actorUserId),
        e.at);
  }

  static ActivityEntryJpaEntity toEntity(ActivityEntry a) {
    ActivityEntryJpaEntity e = new ActivityEntryJpaEntity();
    e.id = a.id().value();
    e.brokerId = a.brokerId().value();
    e.leadId = a.leadId().value();
    e.type = a.type().apiValue();
    e.details = new LinkedHashMap<>(a.details());
    e.actorType = a.actorType().apiValue();
    e.actorUserId = a.actorUserId() == null ? null : a.actorUserId().value();
    e.at = a.at();
    return e;
  }
}
