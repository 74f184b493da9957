package io.inmo.adapters.persistence.rescoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.adapters.persistence.JpaPersistence;
import io.inmo.adapters.persistence.JpaUnitOfWork;
import io.inmo.adapters.persistence.ParentRows;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.lead.RescoringRun;
import io.inmo.domain.lead.RescoringRun.Status;
import io.inmo.domain.shared.TimeMother;
import io.inmo.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rescoring runs' nightly retention against real PostgreSQL. The delete spans every broker, so
 * each test uses brokers of its own and the same {@link #CUTOFF}: what one test leaves behind is
 * never deletable in another.
 */
@ExtendWith(TestPostgres.class)
class JpaRescoringRunRepositoryTest {
  private static final Instant NOW = TimeMother.NOW;

  /** Runs that finished before this go (the job keeps 90 days). */
  private static final Instant CUTOFF = NOW.minus(Duration.ofDays(90));

  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;
  private static JpaRescoringRunRepository repository;
  private static ParentRows rows;

  @BeforeAll
  static void start(PgDatabase database) {
    rows = new ParentRows(database.dataSource()).andes();
    jpa = JpaPersistence.start(database.dataSource(), RescoringJpaEntities.CLASSES);
    unitOfWork = jpa.unitOfWork();
    repository = new JpaRescoringRunRepository(unitOfWork);
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  private static Instant daysFromCutoff(int days) {
    return CUTOFF.plus(Duration.ofDays(days));
  }

  /**
   * A run of {@code broker} created at {@code createdAt}, finished (or not: null) at finishedAt.
   */
  private static RescoringRun run(
      BrokerId broker, UserId admin, Status status, Instant createdAt, Instant finishedAt) {
    return run(UUID.randomUUID(), broker, admin, status, createdAt, finishedAt);
  }

  private static RescoringRun run(
      UUID id,
      BrokerId broker,
      UserId admin,
      Status status,
      Instant createdAt,
      Instant finishedAt) {
    boolean started = status != Status.PENDING;
    return new RescoringRun(
        id,
        broker,
        status,
        admin,
        started ? 120L : null,
        started ? 120 : 0,
        started ? 37 : 0,
        null,
        createdAt,
        started ? createdAt.plusSeconds(5) : null,
        finishedAt);
  }

  private static void save(RescoringRun... runs) {
    unitOfWork.inTransaction(
        () -> {
          for (RescoringRun r : runs) {
            repository.save(r);
          }
        });
  }

  private static int deleteFinishedBefore(Instant cutoff) {
    return unitOfWork.inTransaction(() -> repository.deleteFinishedBefore(cutoff));
  }

  private static List<Object> runIds(BrokerId broker) {
    return rows.column(
        "SELECT id FROM lead_rescoring_runs WHERE broker_id = ? ORDER BY created_at, id",
        broker.value());
  }

  private static Optional<RescoringRun> latest(BrokerId broker) {
    return unitOfWork.inTransaction(() -> repository.latest(broker));
  }

  @Test
  void givenOldFinishedRunsOfTwoBrokers_whenDeletedBeforeCutoff_thenAllButEachBrokersLatestGo() {
    BrokerId costa = rows.costa();
    UserId francisca = rows.agent(costa, "Francisca León");
    RescoringRun doneLongAgo =
        run(
            costa,
            francisca,
            Status.DONE,
            daysFromCutoff(-60),
            daysFromCutoff(-60).plusSeconds(40));
    RescoringRun superseded =
        run(costa, francisca, Status.SUPERSEDED, daysFromCutoff(-50), daysFromCutoff(-45));
    RescoringRun failed =
        run(costa, null, Status.FAILED, daysFromCutoff(-40), daysFromCutoff(-40).plusSeconds(600));
    RescoringRun costaLatest =
        run(
            costa,
            francisca,
            Status.DONE,
            daysFromCutoff(-30),
            daysFromCutoff(-30).plusSeconds(90));
    BrokerId sur = rows.costa();
    UserId matias = rows.agent(sur, "Matías Fernández");
    Instant sameCreation = daysFromCutoff(-20);
    // the same creation time: the greater id is the latest
    RescoringRun tieLower =
        run(
            UUID.fromString("0195a1b2-0000-7000-8000-00000000f001"),
            sur,
            matias,
            Status.DONE,
            sameCreation,
            sameCreation.plusSeconds(60));
    RescoringRun surLatest =
        run(
            UUID.fromString("0195a1b2-0000-7000-8000-00000000f002"),
            sur,
            matias,
            Status.DONE,
            sameCreation,
            sameCreation.plusSeconds(30));
    save(doneLongAgo, superseded, failed, costaLatest, tieLower, surLatest);

    int deleted = deleteFinishedBefore(CUTOFF);

    assertThat(deleted).isEqualTo(4);
    assertThat(runIds(costa)).containsExactly(costaLatest.id());
    assertThat(runIds(sur)).containsExactly(surLatest.id());
    assertThat(latest(costa)).get().usingRecursiveComparison().isEqualTo(costaLatest);
    assertThat(latest(sur).map(RescoringRun::id)).contains(surLatest.id());
    assertThat(deleteFinishedBefore(CUTOFF)).isZero();
  }

  @Test
  void givenOpenAndRecentlyFinishedRuns_whenDeletedBeforeCutoff_thenOnlyTheOldFinishedOneGoes() {
    BrokerId costa = rows.costa();
    UserId admin = rows.agent(costa, "Valentina Soto");
    RescoringRun oldDone = run(costa, admin, Status.DONE, daysFromCutoff(-70), daysFromCutoff(-69));
    RescoringRun pendingSinceLongAgo =
        run(costa, admin, Status.PENDING, daysFromCutoff(-100), null);
    RescoringRun runningSinceLongAgo = run(costa, admin, Status.RUNNING, daysFromCutoff(-80), null);
    RescoringRun finishedAtCutoff =
        run(costa, admin, Status.SUPERSEDED, daysFromCutoff(-3), CUTOFF);
    RescoringRun finishedAfterCutoff =
        run(costa, admin, Status.FAILED, daysFromCutoff(-2), CUTOFF.plusSeconds(1));
    RescoringRun latest = run(costa, admin, Status.DONE, daysFromCutoff(10), daysFromCutoff(10));
    save(
        oldDone,
        pendingSinceLongAgo,
        runningSinceLongAgo,
        finishedAtCutoff,
        finishedAfterCutoff,
        latest);

    int deleted = deleteFinishedBefore(CUTOFF);

    assertThat(deleted).isEqualTo(1);
    assertThat(runIds(costa))
        .containsExactly(
            pendingSinceLongAgo.id(),
            runningSinceLongAgo.id(),
            finishedAtCutoff.id(),
            finishedAfterCutoff.id(),
            latest.id());
  }

  @Test
  void givenBrokerWhoseLatestRunIsStillPending_whenDeletedBeforeCutoff_thenOldFinishedRunsGo() {
    BrokerId costa = rows.costa();
    UserId admin = rows.agent(costa, "Ignacio Valdés");
    RescoringRun lastDone =
        run(costa, admin, Status.DONE, daysFromCutoff(-20), daysFromCutoff(-20).plusSeconds(45));
    RescoringRun pending = run(costa, admin, Status.PENDING, daysFromCutoff(-1), null);
    save(lastDone, pending);

    int deleted = deleteFinishedBefore(CUTOFF);

    assertThat(deleted).isEqualTo(1);
    assertThat(runIds(costa)).containsExactly(pending.id());
    assertThat(latest(costa).map(RescoringRun::status)).contains(Status.PENDING);
  }
}
