package io.inmo.application.port.out;

import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.BrokerId;
import java.util.List;

/** Outbound port: the append-only audit log of security-relevant actions. */
public interface AuditLogRepository {
  void append(AuditEntry entry);

  /** The brokerage's latest {@code limit} entries, newest first. */
  List<AuditEntry> findByBroker(BrokerId brokerId, int limit);
}
