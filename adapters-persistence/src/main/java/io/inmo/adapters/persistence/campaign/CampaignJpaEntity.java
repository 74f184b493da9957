package io.inmo.adapters.persistence.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** JPA model of the {@code campaigns} table; its steps are {@link CampaignStepJpaEntity} rows. */
@Entity
@Table(name = "campaigns")
class CampaignJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  @Column(nullable = false)
  String name;

  String description;

  @Column(nullable = false)
  String channel;

  @Column(nullable = false)
  String status;

  @Column(name = "triggered_by", nullable = false)
  String trigger;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "trigger_config", nullable = false)
  Map<String, String> triggerConfig;

  @Column(name = "exit_on_reply", nullable = false)
  boolean exitOnReply;

  @Column(name = "created_by")
  UUID createdBy;

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
