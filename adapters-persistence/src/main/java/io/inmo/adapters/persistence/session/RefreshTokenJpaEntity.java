package io.inmo.adapters.persistence.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * JPA model of the {@code refresh_tokens} table. Rows are never deleted by the adapter; revocation
 * only sets {@code revoked_at} (and {@code replaced_by} on rotation), so there is no version
 * column.
 */
@Entity
@Table(name = "refresh_tokens")
class RefreshTokenJpaEntity {
  @Id UUID id;

  @Column(name = "user_id", nullable = false, updatable = false)
  UUID userId;

  @Column(name = "token_hash", nullable = false, updatable = false)
  String tokenHash;

  @Column(name = "family_id", nullable = false, updatable = false)
  UUID familyId;

  @Column(name = "expires_at", nullable = false, updatable = false)
  Instant expiresAt;

  @Column(name = "revoked_at")
  Instant revokedAt;

  @Column(name = "replaced_by")
  UUID replacedBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;

  @Column(name = "created_ip", updatable = false)
  String createdIp;
}
