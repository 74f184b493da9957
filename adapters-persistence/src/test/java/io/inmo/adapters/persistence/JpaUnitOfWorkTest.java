package io.inmo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.TestPostgres;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPostgres.class)
class JpaUnitOfWorkTest {
  private static DataSource dataSource;
  private static JpaPersistence jpa;
  private static JpaUnitOfWork unitOfWork;

  @BeforeAll
  static void start(PgDatabase database) {
    dataSource = database.dataSource();
    jpa = JpaPersistence.start(dataSource, List.of(BrokerRow.class));
    unitOfWork = jpa.unitOfWork();
  }

  @AfterAll
  static void stop() {
    if (jpa != null) {
      jpa.close();
    }
  }

  @Test
  void givenUnitOfWork_whenWorkCompletes_thenChangesAreCommitted() throws SQLException {
    BrokerRow row = BrokerRow.of(slug());

    UUID id =
        unitOfWork.inTransaction(
            () -> {
              unitOfWork.entityManager().persist(row);
              return row.id;
            });

    assertThat(countBrokers(row.slug)).isEqualTo(1);
    BrokerRow found =
        unitOfWork.inTransaction(() -> unitOfWork.entityManager().find(BrokerRow.class, id));
    assertThat(found.slug).isEqualTo(row.slug);
    assertThat(found.businessHours).isEqualTo("{}");
  }

  @Test
  void givenUnitOfWork_whenWorkThrows_thenChangesAreRolledBackAndExceptionRethrown()
      throws SQLException {
    BrokerRow row = BrokerRow.of(slug());
    IllegalArgumentException failure = new IllegalArgumentException("boom");

    Throwable thrown =
        catchThrowable(
            () ->
                unitOfWork.inTransaction(
                    () -> {
                      EntityManager entityManager = unitOfWork.entityManager();
                      entityManager.persist(row);
                      entityManager.flush(); // the row reached the database before the failure
                      throw failure;
                    }));

    assertThat(thrown).isSameAs(failure);
    assertThat(countBrokers(row.slug)).isZero();
    assertThat(unitOfWork.isActive()).isFalse();
  }

  @Test
  void givenOuterUnitOfWork_whenNestedCallRuns_thenItJoinsTheOuterTransaction()
      throws SQLException {
    BrokerRow inner = BrokerRow.of(slug());
    AtomicReference<EntityManager> outerManager = new AtomicReference<>();
    AtomicReference<EntityManager> innerManager = new AtomicReference<>();

    Throwable thrown =
        catchThrowable(
            () ->
                unitOfWork.inTransaction(
                    () -> {
                      outerManager.set(unitOfWork.entityManager());
                      unitOfWork.inTransaction(
                          () -> {
                            innerManager.set(unitOfWork.entityManager());
                            unitOfWork.entityManager().persist(inner);
                          });
                      throw new IllegalStateException("outer fails after the inner call");
                    }));

    assertThat(thrown).hasMessage("outer fails after the inner call");
    assertThat(innerManager.get()).isSameAs(outerManager.get());
    assertThat(countBrokers(inner.slug)).as("inner work rolled back with the outer").isZero();
  }

  @Test
  void givenNestedCallThatFails_whenOuterCatchesAndCompletes_thenEverythingIsRolledBack()
      throws SQLException {
    BrokerRow outer = BrokerRow.of(slug());

    Throwable thrown =
        catchThrowable(
            () ->
                unitOfWork.inTransaction(
                    () -> {
                      unitOfWork.entityManager().persist(outer);
                      try {
                        unitOfWork.inTransaction(
                            () -> {
                              throw new IllegalArgumentException("inner fails");
                            });
                      } catch (IllegalArgumentException expected) {
                        // the caller swallows it, but the unit is already rollback-only
                      }
                    }));

    assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("rollback");
    assertThat(countBrokers(outer.slug)).isZero();
  }

  @Test
  void givenNoUnitOfWork_whenEntityManagerRequested_thenIllegalStateException() {
    assertThatThrownBy(() -> unitOfWork.entityManager())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no unit of work");
  }

  @Test
  void givenDuplicateSlug_whenCommitting_thenTheViolatedConstraintIsReported() throws SQLException {
    String slug = slug();
    unitOfWork.inTransaction(() -> unitOfWork.entityManager().persist(BrokerRow.of(slug)));

    Throwable thrown =
        catchThrowable(
            () ->
                unitOfWork.inTransaction(
                    () -> unitOfWork.entityManager().persist(BrokerRow.of(slug))));

    assertThat(thrown).isInstanceOf(RuntimeException.class);
    assertThat(PersistenceErrors.constraintName(thrown)).contains("brokers_slug_key");
    assertThat(PersistenceErrors.constraintViolation(thrown))
        .hasValueSatisfying(
            violation -> assertThat(violation.kind()).isEqualTo(ConstraintViolation.Kind.UNIQUE));
    assertThat(countBrokers(slug)).isEqualTo(1);
  }

  @Test
  void givenManyThreads_whenEachRunsAUnitOfWork_thenEachGetsItsOwnEntityManager() throws Exception {
    AtomicReference<EntityManager> first = new AtomicReference<>();
    AtomicReference<EntityManager> second = new AtomicReference<>();

    unitOfWork.inTransaction(
        () -> {
          first.set(unitOfWork.entityManager());
          Thread other =
              Thread.ofVirtual()
                  .start(
                      () -> unitOfWork.inTransaction(() -> second.set(unitOfWork.entityManager())));
          try {
            other.join();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });

    assertThat(second.get()).isNotNull().isNotSameAs(first.get());
  }

  private static String slug() {
    return "uow-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static long countBrokers(String slug) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT count(*) FROM brokers WHERE slug = ?")) {
      statement.setString(1, slug);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
