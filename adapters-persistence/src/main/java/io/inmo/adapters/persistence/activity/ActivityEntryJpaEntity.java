package io.inmo.adapters.persistence.activity;

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

/** JPA model of the append-only {@code activity_log} table. */
@Entity
@Immutable
@Table(name = "activity_log")
class ActivityEntryJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false)
  UUID brokerId;

  @Column(name = "lead_id", nullable = false)
  UUID leadId;

  @Column(name = "action_type", nullable = false)
  String type;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  Map<String, Object> details;

  /** Null only in legacy rows (read as {@code system}). */
  @Column(name = "actor_type")
  String actorType;

  @Column(name = "actor_user_id")
  UUID actorUserId;

  @Column(name = "ts", nullable = false)
  Instant at;
}
