package io.inmo.adapters.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** JPA model of the append-only {@code audit_logs} table. */
@Entity
@Immutable
@Table(name = "audit_logs")
class AuditEntryJpaEntity {
  @Id UUID id;

  /** Null for platform actions. */
  @Column(name = "broker_id")
  UUID brokerId;

  @Column(name = "user_id")
  UUID userId;

  @Column(nullable = false)
  String action;

  @Column(name = "resource_type", nullable = false)
  String resourceType;

  @Column(name = "resource_id")
  String resourceId;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "before_summary")
  Map<String, Object> before;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "after_summary")
  Map<String, Object> after;

  String ip;

  @Column(name = "request_id")
  String requestId;

  @Column(name = "created_at", nullable = false)
  Instant at;
}
