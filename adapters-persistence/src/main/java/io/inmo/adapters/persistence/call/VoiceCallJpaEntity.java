package io.inmo.adapters.persistence.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * JPA model of the {@code voice_calls} table; its lines are {@link TranscriptLineJpaEntity} rows.
 */
@Entity
@Table(name = "voice_calls")
class VoiceCallJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  @Column(name = "lead_id", nullable = false)
  UUID leadId;

  @Column(name = "campaign_id")
  UUID campaignId;

  @Column(name = "initiated_by")
  UUID initiatedBy;

  @Column(nullable = false)
  String provider;

  String purpose;

  @Column(name = "phone_number", nullable = false)
  String phoneNumber;

  @Column(name = "external_call_id")
  String externalCallId;

  @Column(nullable = false)
  String status;

  /** Seconds; null until the provider reports it. */
  @Column(name = "duration")
  Integer durationSeconds;

  String transcript;

  String summary;

  @Column(name = "ended_reason")
  String endedReason;

  @Column(name = "started_at")
  Instant startedAt;

  @Column(name = "ended_at")
  Instant endedAt;

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
