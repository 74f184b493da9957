package io.inmo.adapters.persistence.session;

import io.inmo.application.port.out.RefreshTokenRepository.StoredRefreshToken;
import io.inmo.domain.user.UserId;

/** Maps refresh tokens between the port's record and {@link RefreshTokenJpaEntity}. */
final class RefreshTokenJpaMapper {
  private RefreshTokenJpaMapper() {}

  static StoredRefreshToken toStored(RefreshTokenJpaEntity e) {
    return new StoredRefreshToken(
        e.id,
        new UserId(e.userId),
        e.tokenHash,
        e.familyId,
        e.expiresAt,
        e.revokedAt,
        e.replacedBy,
        e.createdAt,
        e.createdIp);
  }

  static RefreshTokenJpaEntity toEntity(StoredRefreshToken t) {
    RefreshTokenJpaEntity e = new RefreshTokenJpaEntity();
    e.id = t.id();
    e.userId = t.userId().value();
    e.tokenHash = t.tokenHash();
    e.familyId = t.familyId();
    e.expiresAt = t.expiresAt();
    e.revokedAt = t.revokedAt();
    e.replacedBy = t.replacedBy();
    e.createdAt = t.createdAt();
    e.createdIp = t.createdIp();
    return e;
  }
}
