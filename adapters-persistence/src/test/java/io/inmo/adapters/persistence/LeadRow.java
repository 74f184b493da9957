package io.inmo.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * Test-only mapping of a few columns of the leads table, so that {@link TenantGuardTest} can issue
 * JPQL, {@code find}, entity updates and deletes on a broker-owned table.
 */
@Entity
@Table(name = "leads")
class LeadRow {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false, updatable = false)
  UUID brokerId;

  String name;

  String phone;

  @Column(name = "stage_entered_at", nullable = false)
  Instant stageEnteredAt = Instant.now();

  @Version long version;

  LeadRow() {}

  static LeadRow of(UUID brokerId, String name) {
    LeadRow row = new LeadRow();
    row.id = UUID.randomUUID();
    row.brokerId = brokerId;
    row.name = name;
    return row;
  }
}
