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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** JPA model of the {@code brokers} table. */
@Entity
@Table(name = "brokers")
class BrokerJpaEntity {
  @Id UUID id;

  @Column(nullable = false)
  String name;

  @Column(nullable = false, updatable = false)
  String slug;

  String phone;

  String email;

  @Column(nullable = false)
  String timezone;

  /** {@code {"monday":[{"start":"09:00","end":"19:00"}], …, "sunday":[]}}. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "business_hours", nullable = false)
  String businessHours;

  @Column(name = "is_active", nullable = false)
  boolean active;

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
