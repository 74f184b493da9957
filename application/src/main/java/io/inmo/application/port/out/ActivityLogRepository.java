package io.inmo.application.port.out;

import io.inmo.domain.activity.ActivityEntry;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.LeadId;
import java.util.List;

/** Outbound port: the append-only activity log of leads. */
public interface ActivityLogRepository {
  void append(ActivityEntry entry);

  /** Appends many entries at once (written together at the next flush or commit). */
  default void appendAll(List<ActivityEntry> entries) {
    entries.forEach(this::append);
  }

  /** The lead's latest {@code limit} entries, newest first. */
  List<ActivityEntry> findByLead(BrokerId brokerId, LeadId leadId, int limit);
}
