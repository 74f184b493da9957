package io.inmo.adapters.persistence.user;

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
 * JPA model of the {@code users} table; the role is stored by name ({@code
 * SUPERADMIN|ADMIN|AGENT}).
 */
@Entity
@Table(name = "users")
class UserJpaEntity {
  @Id UUID id;

  /** Lower-cased by the domain; unique on {@code lower(email)}. */
  @Column(nullable = false)
  String email;

  @Column(name = "hashed_password", nullable = false)
  String hashedPassword;

  @Column(nullable = false)
  String name;

  @Column(nullable = false)
  String role;

  /** Null exactly for SUPERADMIN. */
  @Column(name = "broker_id", updatable = false)
  UUID brokerId;

  @Column(name = "is_active", nullable = false)
  boolean active;

  @Column(name = "last_login_at")
  Instant lastLoginAt;

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
