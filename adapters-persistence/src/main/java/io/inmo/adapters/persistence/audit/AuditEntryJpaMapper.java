package io.inmo.adapters.persistence.audit;

import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.audit.AuditEntryId;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.UserId;
import java.util.LinkedHashMap;

/** Maps audit entries between the domain and {@link AuditEntryJpaEntity}. */
final class AuditEntryJpaMapper {
  private AuditEntryJpaMapper() {}

  static AuditEntry toDomain(AuditEntryJpaEntity e) {
    return new AuditEntry(
        new AuditEntryId(e.id),
        e.brokerId == null ? null : new BrokerId(e.brokerId),
        e.userId == null ? null : new UserId(e.userId),
        e.action,
        e.resourceType,
        e.resourceId,
        e.before,
        e.after,
        e.ip,
        e.requestId,
        e.at);
  }

  static AuditEntryJpaEntity toEntity(AuditEntry a) {
    AuditEntryJpaEntity e = new AuditEntryJpaEntity();
    e.id = a.id().value();
    e.brokerId = a.brokerId() == null ? null : a.brokerId().value();
    e.userId = a.userId() == null ? null : a.userId().value();
    e.action = a.action();
    e.resourceType = a.resourceType();
    e.resourceId = a.resourceId();
    e.before = a.before() == null ? null : new LinkedHashMap<>(a.before());
    e.after = a.after() == null ? null : new LinkedHashMap<>(a.after());
    e.ip = a.ip();
    e.requestId = a.requestId();
    e.at = a.at();
    return e;
  }
}
