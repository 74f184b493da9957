package io.inmo.adapters.persistence.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * JPA model of the {@code lead_identities} table: one channel identity of a lead, unique per
 * broker, channel and value. Rows are inserted and deleted, never updated.
 */
@Entity
@Table(name = "lead_identities")
class LeadIdentityJpaEntity {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  @Column(name = "lead_id", nullable = false, updatable = false)
  UUID leadId;

  /** {@code telegram|whatsapp|phone|email|webchat}. */
  @Column(nullable = false, updatable = false)
  String channel;

  @Column(name = "value", nullable = false, updatable = false)
  String identityValue;

  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;
}
