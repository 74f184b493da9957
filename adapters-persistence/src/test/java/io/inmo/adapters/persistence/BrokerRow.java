package io.inmo.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Test-only mapping of the brokers table: proves Hibernate validates against the migrated schema.
 */
@Entity
@Table(name = "brokers")
class BrokerRow {
  @Id UUID id;

  @Column(nullable = false)
  String name;

  @Column(nullable = false)
  String slug;

  @Column(nullable = false)
  String timezone = "America/Santiago";

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "business_hours", nullable = false)
  String businessHours = "{}";

  @Column(name = "is_active", nullable = false)
  boolean active = true;

  @Column(name = "created_at", nullable = false)
  Instant createdAt = Instant.now();

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt = Instant.now();

  @Version long version;

  BrokerRow() {}

  static BrokerRow of(String slug) {
    BrokerRow row = new BrokerRow();
    row.id = UUID.randomUUID();
    row.name = "Corredora " + slug;
    row.slug = slug;
    return row;
  }
}
