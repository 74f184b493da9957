package io.inmo.application.port.out;

import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Outbound port: refresh tokens, stored only as a hash of the token. Tokens of one login form a
 * family; rotation revokes a token and links it to its successor, so that presenting a revoked
 * token again is recognised as reuse and the whole family can be revoked.
 */
public interface RefreshTokenRepository {

  void insert(StoredRefreshToken token);

  /**
   * The token with this hash, locked until the end of the unit of work so that two concurrent
   * refreshes with the same token cannot both succeed.
   */
  Optional<StoredRefreshToken> findByHashForUpdate(String tokenHash);

  /** Revokes {@code id} as rotated into {@code successor}. */
  void markReplaced(UUID id, UUID successor, Instant at);

  /** Revokes every still-valid token of the family; returns how many. */
  int revokeFamily(UUID familyId, Instant at);

  /** Revokes every still-valid token of the user (deactivation, password change); how many. */
  int revokeAllOf(UserId userId, Instant at);

  /**
   * One stored refresh token; {@code revokedAt}, {@code replacedBy}, {@code createdIp} nullable.
   */
  record StoredRefreshToken(
      UUID id,
      UserId userId,
      String tokenHash,
      UUID familyId,
      Instant expiresAt,
      Instant revokedAt,
      UUID replacedBy,
      Instant createdAt,
      String createdIp) {
    public StoredRefreshToken {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(tokenHash, "tokenHash");
      Objects.requireNonNull(familyId, "familyId");
      Objects.requireNonNull(expiresAt, "expiresAt");
      Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isRevoked() {
      return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
      return !now.isBefore(expiresAt);
    }
  }
}
