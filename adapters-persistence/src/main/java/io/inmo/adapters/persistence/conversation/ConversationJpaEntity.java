package io.inmo.adapters.persistence.conversation;

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
 * JPA model of {@code conversations} (0010) without its queue columns, which only the repository's
 * native statements write.
 */
@Entity
@Table(name = "conversations")
class ConversationJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  @Column(name = "lead_id", nullable = false, updatable = false)
  UUID leadId;

  @Column(nullable = false, updatable = false)
  String provider;

  @Column(name = "channel_user_id", nullable = false, updatable = false)
  String channelUserId;

  @Column(name = "taken_over_by")
  UUID takenOverBy;

  @Column(name = "taken_over_at")
  Instant takenOverAt;

  @Column(name = "last_staff_activity_at")
  Instant lastStaffActivityAt;

  String escalation;

  @Column(name = "escalated_at")
  Instant escalatedAt;

  @Column(name = "last_inbound_at")
  Instant lastInboundAt;

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
