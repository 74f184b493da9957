package io.inmo.adapters.persistence.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** JPA model of the {@code message_templates} table; {@code variables} is a JSON array. */
@Entity
@Table(name = "message_templates")
class MessageTemplateJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  @Column(nullable = false)
  String name;

  @Column(nullable = false)
  String channel;

  @Column(nullable = false)
  String content;

  @Column(name = "agent_type", nullable = false)
  String agentType;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false)
  List<String> variables;

  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version long version;

  /** The version when this unit of work loaded the row; see OptimisticLocks. */
  @Transient long versionReadByThisUnit;

  @PostLoad
  void rememberVersion() {
    versionReadByThisUnit = version;
  }
}
