package io.inmo.adapters.persistence.session;

import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.application.port.out.RefreshTokenRepository;
import io.inmo.domain.user.UserId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence adapter: stores refresh-token hashes with JPA inside the caller's unit of work.
 *
 * <p>Revocations load the affected rows with a pessimistic write lock ({@code SELECT … FOR UPDATE},
 * in id order) and update the managed entities rather than issuing a bulk {@code UPDATE}: the unit
 * of work's persistence context stays in step with the rows (a bulk update would leave a token
 * loaded earlier in the same unit looking still valid), and a concurrent revocation that waited for
 * the lock re-checks {@code revoked_at IS NULL} on the committed row, so each token is counted by
 * exactly one caller.
 */
public final class JpaRefreshTokenRepository implements RefreshTokenRepository {
  private final JpaUnitOfWork unitOfWork;

  public JpaRefreshTokenRepository(JpaUnitOfWork unitOfWork) {
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void insert(StoredRefreshToken token) {
    Objects.requireNonNull(token, "token");
    EntityManager em = unitOfWork.entityManager();
    em.persist(RefreshTokenJpaMapper.toEntity(token));
    // a duplicate id or token hash surfaces here, not at commit
    em.flush();
  }

  @Override
  public Optional<StoredRefreshToken> findByHashForUpdate(String tokenHash) {
    Objects.requireNonNull(tokenHash, "tokenHash");
    return unitOfWork
        .entityManager()
        .createQuery(
            "select t from RefreshTokenJpaEntity t where t.tokenHash = :hash",
            RefreshTokenJpaEntity.class)
        .setParameter("hash", tokenHash)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .map(RefreshTokenJpaMapper::toStored);
  }

  @Override
  public void markReplaced(UUID id, UUID successor, Instant at) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(successor, "successor");
    Objects.requireNonNull(at, "at");
    RefreshTokenJpaEntity entity =
        unitOfWork
            .entityManager()
            .find(RefreshTokenJpaEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (entity == null) {
      throw new IllegalArgumentException("no refresh token " + id);
    }
    entity.revokedAt = at;
    entity.replacedBy = successor;
  }

  @Override
  public int revokeFamily(UUID familyId, Instant at) {
    Objects.requireNonNull(familyId, "familyId");
    return revoke("t.familyId = :owner", familyId, at);
  }

  @Override
  public int revokeAllOf(UserId userId, Instant at) {
    Objects.requireNonNull(userId, "userId");
    return revoke("t.userId = :owner", userId.value(), at);
  }

  private int revoke(String ownerCondition, UUID owner, Instant at) {
    Objects.requireNonNull(at, "at");
    List<RefreshTokenJpaEntity> valid =
        unitOfWork
            .entityManager()
            .createQuery(
                "select t from RefreshTokenJpaEntity t where "
                    + ownerCondition
                    + " and t.revokedAt is null order by t.id",
                RefreshTokenJpaEntity.class)
            .setParameter("owner", owner)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    for (RefreshTokenJpaEntity token : valid) {
      token.revokedAt = at;
    }
    return valid.size();
  }
}
