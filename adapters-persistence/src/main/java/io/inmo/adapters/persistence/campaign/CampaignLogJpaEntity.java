package io.inmo.adapters.persistence.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** JPA model of the {@code campaign_logs} table (no version column: last writer wins). */
@Entity
@Table(name = "campaign_logs")
class CampaignLogJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  @Column(name = "campaign_id", nullable = false)
  UUID campaignId;

  @Column(name = "lead_id", nullable = false)
  UUID leadId;

  @Column(name = "step_number", nullable = false)
  int stepNumber;

  @Column(nullable = false)
  String status;

  @Column(name = "scheduled_at")
  Instant scheduledAt;

  @Column(name = "executed_at")
  Instant executedAt;

  String error;

  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;
}
