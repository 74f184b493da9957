package io.inmo.adapters.persistence.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * JPA model of the {@code leads} table; enums hold their API values (qualification by name). The
 * channel identities are {@link LeadIdentityJpaEntity} rows, synced by the repository.
 */
@Entity
@Table(name = "leads")
class LeadJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  /** E.164; null when unknown. */
  String phone;

  String name;

  /** Lower-cased by the domain. */
  String email;

  @Column(nullable = false)
  String status;

  @Column(name = "lead_score", nullable = false)
  int leadScore;

  /** {@code [{"factor":"budget","points":20,"reason":"…"}]}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "score_components", nullable = false)
  String scoreComponents;

  /** {@code QUALIFIED|POTENTIAL|NOT_QUALIFIED}; null while unknown. */
  String qualification;

  /** The non-sensitive facts: {@code {"location":{"value":"Ñuñoa","sourceMessageId":"m1"},…}}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "lead_metadata", nullable = false)
  String leadMetadata;

  /** Income, DICOM status and debt as JSON, passed through the FieldCodec; null when unknown. */
  @Column(name = "sensitive_metadata")
  String sensitiveMetadata;

  @Column(name = "pipeline_stage", nullable = false)
  String pipelineStage;

  @Column(name = "assigned_to")
  UUID assignedTo;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  String[] tags;

  String notes;

  @Column(name = "close_reason")
  String closeReason;

  @Column(name = "close_detail")
  String closeDetail;

  @Column(name = "closed_at")
  Instant closedAt;

  @Column(name = "closed_from_stage")
  String closedFromStage;

  @Column(name = "opted_out_at")
  Instant optedOutAt;

  @Column(name = "last_contacted_at")
  Instant lastContactedAt;

  @Column(name = "stage_entered_at", nullable = false)
  Instant stageEnteredAt;

  @Column(name = "next_action_at")
  Instant nextActionAt;

  @Column(name = "stale_since")
  Instant staleSince;

  @Column(name = "deleted_at")
  Instant deletedAt;

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
