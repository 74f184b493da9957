package io.inmo.adapters.persistence.appointment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** JPA model of the {@code appointments} table; enums hold their API values. */
@Entity
@Table(name = "appointments")
class AppointmentJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  @Column(name = "lead_id", nullable = false)
  UUID leadId;

  @Column(name = "agent_id")
  UUID agentId;

  @Column(name = "appointment_type", nullable = false)
  String type;

  @Column(nullable = false)
  String status;

  @Column(name = "start_time", nullable = false)
  Instant start;

  @Column(name = "end_time", nullable = false)
  Instant end;

  @Column(name = "meet_url")
  String meetUrl;

  String location;

  String notes;

  @Column(name = "external_event_id")
  String externalEventId;

  @Column(name = "cancel_reason")
  String cancelReason;

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
