package io.inmo.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Test-only mapping of the lead_identities table, for joins in {@link TenantGuardTest}. */
@Entity
@Table(name = "lead_identities")
class LeadIdentityRow {
  @Id UUID id;

  @Column(name = "broker_id", nullable = false)
  UUID brokerId;

  @Column(name = "lead_id", nullable = false)
  UUID leadId;

  @Column(nullable = false)
  String channel;

  @Column(name = "value", nullable = false)
  String identityValue;

  LeadIdentityRow() {}

  static LeadIdentityRow of(LeadRow lead, String channel, String value) {
    LeadIdentityRow row = new LeadIdentityRow();
    row.id = UUID.randomUUID();
    row.brokerId = lead.brokerId;
    row.leadId = lead.id;
    row.channel = channel;
    row.identityValue = value;
    return row;
  }
}
