package io.inmo.adapters.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Test extension: provides one real PostgreSQL for the whole run, from {@code TEST_PG_URL} (with
 * {@code TEST_PG_USER}, default {@code postgres}, and {@code TEST_PG_PASSWORD}, default empty),
 * else a Testcontainers {@code postgres:15-alpine} when Docker is available, else an embedded zonky
 * PostgreSQL; with none the test class is skipped, or fails under {@code
 * -Dtests.requireServices=true}.
 *
 * <p>Injects {@link Pg} (the server) and {@link PgDatabase} (a private migrated database per test
 * class, dropped when the class ends) into constructors, {@code @BeforeAll} and test methods:
 *
 * <pre>{@code
 * @ExtendWith(TestPostgres.class)
 * class JpaLeadRepositoryTest {
 *   static JpaPersistence jpa;
 *
 *   @BeforeAll
 *   static void start(PgDatabase db) {
 *     jpa = JpaPersistence.start(db.dataSource(), List.of(LeadJpaEntity.class));
 *   }
 * }
 * }</pre>
 */
public final class TestPostgres implements BeforeAllCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(TestPostgres.class);
  private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    Holder holder = holder(context);
    if (holder.pg == null) {
      TestServices.unavailable("PostgreSQL", holder.why, holder.misconfigured);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Pg.class || type == PgDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Pg pg = pg(context);
    if (parameter.getParameter().getType() == Pg.class) {
      return pg;
    }
    ExtensionContext classContext = classContext(context);
    return classContext
        .getStore(NAMESPACE)
        .computeIfAbsent(ClassDatabase.class, key -> new ClassDatabase(pg), ClassDatabase.class)
        .database;
  }

  /**
   * The run's PostgreSQL, for extensions and helpers that hold an {@link ExtensionContext}.
   *
   * @throws ParameterResolutionException when there is none (the class is normally skipped before)
   */
  public static Pg pg(ExtensionContext context) {
    Holder holder = holder(context);
    if (holder.pg == null) {
      throw new ParameterResolutionException("no PostgreSQL for this run: " + holder.why);
    }
    return holder.pg;
  }

  private static Holder holder(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(Holder.class, key -> new Holder(), Holder.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  /** A test class's private database, dropped when the class's store closes. */
  private static final class ClassDatabase implements AutoCloseable {
    private final Pg pg;
    private final PgDatabase database;

    ClassDatabase(Pg pg) {
      this.pg = pg;
      this.database = PgRuntime.of(pg).createDatabase();
    }

    @Override
    public void close() {
      PgRuntime.of(pg).drop(database);
    }
  }

  /** The run-wide server, kept in the root store; JUnit closes it when the run ends. */
  static final class Holder implements AutoCloseable {
    Pg pg;
    String why = "";
    boolean misconfigured;
    private AutoCloseable owned;

    Holder() {
      long start = System.nanoTime();
      String url = TestServices.env("TEST_PG_URL");
      if (url != null) {
        Pg candidate =
            new Pg(
                url,
                TestServices.env("TEST_PG_USER", "postgres"),
                TestServices.env("TEST_PG_PASSWORD", ""),
                "env");
        try (Connection connection = candidate.connect()) {
          connection.isValid(2);
          pg = candidate;
        } catch (SQLException e) {
          why = "TEST_PG_URL=" + url + " is set but does not answer: " + e.getMessage();
          misconfigured = true;
        }
        log(start);
        return;
      }
      StringBuilder reasons = new StringBuilder("no TEST_PG_URL");
      try {
        if (TestServices.dockerMightBeAvailable() && Docker.available()) {
          Docker.Started started = Docker.start();
          pg = started.pg();
          owned = started.owned();
          log(start);
          return;
        }
        reasons.append("; Docker not available");
      } catch (Throwable e) { // LinkageError too: consumers may lack testcontainers
        reasons.append("; Testcontainers failed: ").append(TestServices.describe(e));
      }
      try {
        Embedded.Started started = Embedded.start();
        pg = started.pg();
        owned = started.owned();
        log(start);
        return;
      } catch (Throwable e) {
        reasons.append("; embedded PostgreSQL failed: ").append(TestServices.describe(e));
      }
      why = reasons.toString();
    }

    private void stopOwned() {
      if (owned != null) {
        try {
          owned.close();
        } catch (Exception e) {
          throw new IllegalStateException("cannot stop the test server", e);
        }
      }
    }

    private void log(long start) {
      if (pg != null) {
        LOG.info(
            "PostgreSQL for this run: {} ({} ms)", pg, (System.nanoTime() - start) / 1_000_000);
      }
    }

    @Override
    public void close() {
      try {
        if (pg != null) {
          PgRuntime.closeFor(pg);
        }
      } finally {
        stopOwned();
      }
    }
  }

  /** Kept apart so that a missing Testcontainers only fails here, not when loading the holder. */
  private static final class Docker {
    record Started(Pg pg, AutoCloseable owned) {}

    static boolean available() {
      return DockerClientFactory.instance().isDockerAvailable();
    }

    static Started start() {
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
      container.start();
      return new Started(
          new Pg(
              container.getJdbcUrl(),
              container.getUsername(),
              container.getPassword(),
              "testcontainers"),
          container::stop);
    }
  }

  /** Kept apart so that a missing zonky only fails here. */
  private static final class Embedded {
    record Started(Pg pg, AutoCloseable owned) {}

    static Started start() throws java.io.IOException {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      return new Started(
          new Pg(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded"),
          postgres);
    }
  }
}
