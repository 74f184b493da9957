package io.inmo.adapters.persistence.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.application.port.out.RefreshTokenRepository.StoredRefreshToken;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.UserId;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaRefreshTokenRepositoryTest {
  private static final BrokerId ANDES = ParentRows.ANDES;
  private static final UserId VALENTINA = ParentRows.VALENTINA;
  private static final UserId DIEGO = ParentRows.DIEGO;

  /** Monday 2025-03-10 09:30 in Santiago (UTC-3). */
  private static final Instant NOW = Instant.parse("2025-03-10T12:30:00Z");

  private static final Instant IN_30_DAYS = NOW.plus(Duration.ofDays(30));
  private static final String IP = "190.22.45.17";

  /** PostgreSQL's SQLSTATE for a lock wait that ran into {@code lock_timeout}. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaRefreshTokenRepository repository;
  private static ParentRows rows;
  private static ExecutorService secondSession;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    jpa = JpaPersistence.start(database.dataSource(), SessionJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaRefreshTokenRepository(unitOfWork);
    secondSession = Executors.newSingleThreadExecutor();
  }

  @AfterAll
  static void stop() {
    if (secondSession != null) {
      secondSession.shutdownNow();
    }
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenNewToken_whenInsertedAndFoundByHash_thenEveryFieldRoundTrips() {
    StoredRefreshToken token = token(VALENTINA, UUID.randomUUID());

    insert(token);
    Optional<StoredRefreshToken> found = findForUpdate(token.tokenHash());

    assertThat(found).contains(token);
    assertThat(found.get().isRevoked()).isFalse();
    assertThat(found.get().isExpiredAt(NOW)).isFalse();
    assertThat(rows.value("SELECT created_ip FROM refresh_tokens WHERE id = ?", token.id()))
        .isEqualTo(IP);
    assertThat(rows.value("SELECT user_id FROM refresh_tokens WHERE id = ?", token.id()))
        .isEqualTo(VALENTINA.value());
  }

  @Test
  void givenTokenWithoutIp_whenInsertedAndFound_thenNullableColumnsStayNull() {
    StoredRefreshToken token =
        new StoredRefreshToken(
            UUID.randomUUID(),
            DIEGO,
            hash("sin-ip"),
            UUID.randomUUID(),
            IN_30_DAYS,
            null,
            null,
            NOW,
            null);

    insert(token);
    StoredRefreshToken found = findForUpdate(token.tokenHash()).orElseThrow();

    assertThat(found).isEqualTo(token);
    assertThat(found.createdIp()).isNull();
    assertThat(found.revokedAt()).isNull();
    assertThat(found.replacedBy()).isNull();
  }

  @Test
  void givenUnknownHash_whenFindingForUpdate_thenEmpty() {
    insert(token(VALENTINA, UUID.randomUUID()));

    assertThat(findForUpdate(hash("token que nunca se emitió"))).isEmpty();
  }

  @Test
  void givenStoredHash_whenAnotherTokenWithSameHashInserted_thenRejectedAndFirstKept() {
    StoredRefreshToken first = token(VALENTINA, UUID.randomUUID());
    insert(first);
    StoredRefreshToken clash =
        new StoredRefreshToken(
            UUID.randomUUID(),
            DIEGO,
            first.tokenHash(),
            UUID.randomUUID(),
            IN_30_DAYS,
            null,
            null,
            NOW,
            "200.83.120.4");

    assertThatThrownBy(() -> insert(clash)).isInstanceOf(PersistenceException.class);

    assertThat(findForUpdate(first.tokenHash())).contains(first);
    assertThat(rows.value("SELECT count(*) FROM refresh_tokens WHERE id = ?", clash.id()))
        .isEqualTo(0L);
  }

  @Test
  void givenToken_whenRotatedInOneUnitOfWork_thenOldOneRevokedAndLinkedToSuccessor() {
    UUID family = UUID.randomUUID();
    StoredRefreshToken old = token(VALENTINA, family);
    insert(old);
    StoredRefreshToken successor = token(VALENTINA, family);
    Instant rotatedAt = NOW.plus(Duration.ofMinutes(15));

    unitOfWork.inTransaction(
        () -> {
          StoredRefreshToken presented =
              repository.findByHashForUpdate(old.tokenHash()).orElseThrow();
          repository.markReplaced(presented.id(), successor.id(), rotatedAt);
          repository.insert(successor);
        });

    StoredRefreshToken rotated = findForUpdate(old.tokenHash()).orElseThrow();
    assertThat(rotated.isRevoked()).isTrue();
    assertThat(rotated.revokedAt()).isEqualTo(rotatedAt);
    assertThat(rotated.replacedBy()).isEqualTo(successor.id());
    assertThat(rotated.expiresAt()).isEqualTo(old.expiresAt());
    assertThat(findForUpdate(successor.tokenHash())).contains(successor);
  }

  @Test
  void givenUnknownId_whenMarkingReplaced_thenIllegalArgument() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(
            () ->
                unitOfWork.inTransaction(
                    () -> repository.markReplaced(unknown, UUID.randomUUID(), NOW)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(unknown.toString());
  }

  @Test
  void givenFamilyWithRotatedAndValidTokens_whenFamilyRevoked_thenOnlyStillValidOnesCounted() {
    UUID family = UUID.randomUUID();
    StoredRefreshToken first = token(VALENTINA, family);
    StoredRefreshToken second = token(VALENTINA, family);
    StoredRefreshToken third = token(VALENTINA, family);
    StoredRefreshToken otherLogin = token(VALENTINA, UUID.randomUUID());
    for (StoredRefreshToken t : new StoredRefreshToken[] {first, second, third, otherLogin}) {
      insert(t);
    }
    Instant rotatedAt = NOW.plus(Duration.ofMinutes(5));
    unitOfWork.inTransaction(() -> repository.markReplaced(first.id(), second.id(), rotatedAt));
    Instant reuseDetectedAt = NOW.plus(Duration.ofHours(2));

    int revoked = unitOfWork.inTransaction(() -> repository.revokeFamily(family, reuseDetectedAt));

    assertThat(revoked).isEqualTo(2);
    StoredRefreshToken firstAfter = findForUpdate(first.tokenHash()).orElseThrow();
    assertThat(firstAfter.revokedAt()).isEqualTo(rotatedAt); // earlier revocation is kept
    assertThat(firstAfter.replacedBy()).isEqualTo(second.id());
    assertThat(findForUpdate(second.tokenHash()).orElseThrow().revokedAt())
        .isEqualTo(reuseDetectedAt);
    assertThat(findForUpdate(third.tokenHash()).orElseThrow().revokedAt())
        .isEqualTo(reuseDetectedAt);
    assertThat(findForUpdate(second.tokenHash()).orElseThrow().replacedBy()).isNull();
    assertThat(findForUpdate(otherLogin.tokenHash()).orElseThrow().isRevoked()).isFalse();
    assertThat(unitOfWork.inTransaction(() -> repository.revokeFamily(family, NOW))).isZero();
  }

  @Test
  void givenTokensOfTwoUsers_whenAllOfOneUserRevoked_thenOnlyHersAreRevokedAndCounted() {
    UserId ignacio = rows.agent(ANDES, "Ignacio Pérez");
    UserId catalina = rows.agent(ANDES, "Catalina Morales");
    StoredRefreshToken laptop = token(ignacio, UUID.randomUUID());
    StoredRefreshToken phone = token(ignacio, UUID.randomUUID());
    StoredRefreshToken alreadyOut = token(ignacio, UUID.randomUUID());
    StoredRefreshToken colleagues = token(catalina, UUID.randomUUID());
    for (StoredRefreshToken t : new StoredRefreshToken[] {laptop, phone, alreadyOut, colleagues}) {
      insert(t);
    }
    unitOfWork.inTransaction(() -> repository.revokeFamily(alreadyOut.familyId(), NOW));
    Instant passwordChangedAt = NOW.plus(Duration.ofDays(1));

    int revoked =
        unitOfWork.inTransaction(() -> repository.revokeAllOf(ignacio, passwordChangedAt));

    assertThat(revoked).isEqualTo(2);
    assertThat(
            rows.column(
                "SELECT revoked_at FROM refresh_tokens WHERE user_id = ? ORDER BY revoked_at",
                ignacio.value()))
        .hasSize(3)
        .doesNotContainNull();
    assertThat(findForUpdate(alreadyOut.tokenHash()).orElseThrow().revokedAt()).isEqualTo(NOW);
    assertThat(findForUpdate(laptop.tokenHash()).orElseThrow().revokedAt())
        .isEqualTo(passwordChangedAt);
    assertThat(findForUpdate(colleagues.tokenHash()).orElseThrow().isRevoked()).isFalse();
    assertThat(unitOfWork.inTransaction(() -> repository.revokeAllOf(ignacio, NOW))).isZero();
  }

  @Test
  void givenTokenLoadedInUnit_whenFamilyRevokedInSameUnit_thenUnitSeesRevocation() {
    StoredRefreshToken token = token(VALENTINA, UUID.randomUUID());
    insert(token);

    StoredRefreshToken seen =
        unitOfWork.inTransaction(
            () -> {
              repository.findByHashForUpdate(token.tokenHash()).orElseThrow();
              repository.revokeFamily(token.familyId(), NOW);
              return repository.findByHashForUpdate(token.tokenHash()).orElseThrow();
            });

    assertThat(seen.revokedAt()).isEqualTo(NOW);
  }

  @Test
  void givenTokenLockedForRefresh_whenSecondRefreshTriesToLock_thenItTimesOutWhileLockHeld() {
    StoredRefreshToken token = token(VALENTINA, UUID.randomUUID());
    insert(token);

    unitOfWork.inTransaction(
        () -> {
          repository.findByHashForUpdate(token.tokenHash()).orElseThrow();

          CompletableFuture<Optional<StoredRefreshToken>> concurrent =
              inSecondSession("150ms", token.tokenHash());

          assertThatThrownBy(() -> concurrent.get(10, TimeUnit.SECONDS))
              .isInstanceOf(ExecutionException.class)
              .rootCause()
              .isInstanceOfSatisfying(
                  SQLException.class,
                  e -> assertThat(e.getSQLState()).isEqualTo(LOCK_NOT_AVAILABLE));
        });
  }

  @Test
  void givenTokenLockedForRefresh_whenSecondRefreshLocks_thenItWaitsAndSeesTheRotation() {
    StoredRefreshToken token = token(DIEGO, UUID.randomUUID());
    insert(token);
    StoredRefreshToken successor = token(DIEGO, token.familyId());
    Instant rotatedAt = NOW.plus(Duration.ofMinutes(10));
    long waitingBefore = lockWaiters();

    CompletableFuture<Optional<StoredRefreshToken>> concurrent =
        unitOfWork.inTransaction(
            () -> {
              StoredRefreshToken presented =
                  repository.findByHashForUpdate(token.tokenHash()).orElseThrow();
              CompletableFuture<Optional<StoredRefreshToken>> second =
                  inSecondSession("10s", token.tokenHash());
              awaitLockWaiters(waitingBefore + 1);
              assertThat(second).isNotDone();
              repository.markReplaced(presented.id(), successor.id(), rotatedAt);
              repository.insert(successor);
              return second;
            });

    StoredRefreshToken seenBySecond =
        concurrent.orTimeout(10, TimeUnit.SECONDS).join().orElseThrow();
    assertThat(seenBySecond.isRevoked()).isTrue();
    assertThat(seenBySecond.revokedAt()).isEqualTo(rotatedAt);
    assertThat(seenBySecond.replacedBy()).isEqualTo(successor.id());
  }

  /** A concurrent unit of work on another thread that locks {@code hash}. */
  private static CompletableFuture<Optional<StoredRefreshToken>> inSecondSession(
      String lockTimeout, String hash) {
    return CompletableFuture.supplyAsync(
        () ->
            unitOfWork.inTransaction(
                () -> {
                  unitOfWork
                      .entityManager()
                      .createNativeQuery("SET LOCAL lock_timeout = '" + lockTimeout + "'")
                      .executeUpdate();
                  return repository.findByHashForUpdate(hash);
                }),
        secondSession);
  }

  /** Backends of this database currently waiting for a lock. */
  private static long lockWaiters() {
    return (Long)
        rows.value(
            "SELECT count(*) FROM pg_stat_activity"
                + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
  }

  private static void awaitLockWaiters(long expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (lockWaiters() < expected) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("the second session never waited for the row lock");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private static StoredRefreshToken token(UserId user, UUID family) {
    return new StoredRefreshToken(
        UUID.randomUUID(),
        user,
        hash(UUID.randomUUID().toString()),
        family,
        IN_30_DAYS,
        null,
        null,
        NOW,
        IP);
  }

  private static String hash(String rawToken) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(rawToken.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void insert(StoredRefreshToken token) {
    unitOfWork.inTransaction(() -> repository.insert(token));
  }

  private static Optional<StoredRefreshToken> findForUpdate(String hash) {
    return unitOfWork.inTransaction(() -> repository.findByHashForUpdate(hash));
  }
}
