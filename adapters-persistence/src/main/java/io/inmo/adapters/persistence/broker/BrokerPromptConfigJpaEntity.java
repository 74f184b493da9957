package io.inmo.adapters.persistence.broker;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** JPA model of the {@code broker_prompt_configs} table (one row per broker). */
@Entity
@Table(name = "broker_prompt_configs")
class BrokerPromptConfigJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  @Column(name = "agent_name", nullable = false)
  String agentName;

  @Column(name = "identity_prompt")
  String identityPrompt;

  @Column(name = "business_context")
  String businessContext;

  @Column(name = "agent_rules")
  String agentRules;

  @Column(nullable = false)
  String language;

  @Column(name = "enable_appointment_booking", nullable = false)
  boolean enableAppointmentBooking;

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
