package io.inmo.adapters.persistence.rescoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** JPA model of {@code lead_rescoring_runs} (0007). */
@Entity
@Table(name = "lead_rescoring_runs")
class RescoringRunJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false)
  UUID brokerId;

  @Column(nullable = false)
  String status;

  @Column(name = "requested_by")
  UUID requestedBy;

  Long total;

  @Column(nullable = false)
  long processed;

  @Column(nullable = false)
  long changed;

  @Column(name = "last_lead_id")
  UUID lastLeadId;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "started_at")
  Instant startedAt;

  @Column(name = "finished_at")
  Instant finishedAt;
}
