package io.inmo.adapters.persistence.testing;

import com.zaxxer.hikari.HikariDataSource;
import io.inmo.adapters.persistence.DataSources;
import io.inmo.adapters.persistence.LiquibaseMigrator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pools and databases handed out for one {@link Pg} during a run. Every database is created as
 * a copy of one template migrated once per run ({@code CREATE DATABASE .. TEMPLATE}, tens of
 * milliseconds instead of a Liquibase run), named {@code inmo_test_<epoch>_<run>_<suffix>}.
 */
final class PgRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PgRuntime.class);
  private static final Map<Pg, PgRuntime> RUNTIMES = new ConcurrentHashMap<>();
  private static final String PREFIX = "inmo_test_";
  private static final Duration STALE_AFTER = Duration.ofHours(6);
  private static final String OBJECT_IN_USE = "55006";

  private final Pg pg;
  private final String runId;
  private final AtomicInteger counter = new AtomicInteger();
  private final List<PgDatabase> created = new ArrayList<>();
  private HikariDataSource maintenance;
  private String template;
  private PgDatabase shared;
  private boolean closed;

  private PgRuntime(Pg pg) {
    this.pg = pg;
    this.runId =
        Instant.now().getEpochSecond()
            + "_"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
  }

  static PgRuntime of(Pg pg) {
    return RUNTIMES.computeIfAbsent(pg, PgRuntime::new);
  }

  /** Closes the runtime of {@code pg}, if one was started. */
  static void closeFor(Pg pg) {
    PgRuntime runtime = RUNTIMES.remove(pg);
    if (runtime != null) {
      runtime.close();
    }
  }

  synchronized HikariDataSource maintenanceDataSource() {
    ensureOpen();
    if (maintenance == null) {
      maintenance = DataSources.hikari(pg.jdbcUrl(), pg.user(), pg.password(), 4);
    }
    return maintenance;
  }

  synchronized PgDatabase sharedDatabase() {
    ensureOpen();
    if (shared == null) {
      shared = createDatabase("shared", 8);
    }
    return shared;
  }

  /** A new migrated database, dropped by {@link #drop} or at the latest by {@link #close}. */
  synchronized PgDatabase createDatabase() {
    ensureOpen();
    return createDatabase(Integer.toString(counter.incrementAndGet()), 4);
  }

  /** Closes the pool of {@code database} and drops it. */
  synchronized void drop(PgDatabase database) {
    created.remove(database);
    closePool(database);
    dropDatabase(database.name());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (PgDatabase database : List.copyOf(created)) {
      closePool(database);
      dropDatabase(database.name());
    }
    created.clear();
    if (template != null) {
      dropDatabase(template);
    }
    if (maintenance != null) {
      maintenance.close();
    }
  }

  private PgDatabase createDatabase(String suffix, int poolSize) {
    String source = template();
    String name = PREFIX + runId + "_" + suffix;
    executeRetryingWhileInUse("CREATE DATABASE " + quote(name) + " TEMPLATE " + quote(source));
    String url = pg.jdbcUrlFor(name);
    PgDatabase database =
        new PgDatabase(
            name,
            url,
            pg.user(),
            pg.password(),
            DataSources.hikari(url, pg.user(), pg.password(), poolSize));
    // tracked even when a test class drops it itself, so nothing outlives the run
    created.add(database);
    return database;
  }

  private String template() {
    if (template != null) {
      return template;
    }
    long start = System.nanoTime();
    dropStaleDatabases();
    String name = PREFIX + runId + "_tpl";
    execute("CREATE DATABASE " + quote(name));
    template = name;
    PGSimpleDataSource single = new PGSimpleDataSource();
    single.setURL(pg.jdbcUrlFor(name));
    single.setUser(pg.user());
    if (pg.password() != null && !pg.password().isEmpty()) {
      single.setPassword(pg.password());
    }
    // an unpooled data source: no connection may stay open on a database used as a template
    new LiquibaseMigrator().migrate(single);
    LOG.info(
        "migrated template database {} on {} in {} ms",
        name,
        pg,
        (System.nanoTime() - start) / 1_000_000);
    return template;
  }

  /** Drops databases left behind by runs that crashed or were killed hours ago. */
  private void dropStaleDatabases() {
    long now = Instant.now().getEpochSecond();
    List<String> stale = new ArrayList<>();
    try (Connection connection = pg.connect();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE 'inmo\\_test\\_%'")) {
      while (rows.next()) {
        String name = rows.getString(1);
        String[] parts = name.substring(PREFIX.length()).split("_");
        try {
          if (now - Long.parseLong(parts[0]) > STALE_AFTER.toSeconds()) {
            stale.add(name);
          }
        } catch (NumberFormatException ignored) {
          // not one of ours
        }
      }
    } catch (SQLException e) {
      LOG.warn("cannot list stale test databases: {}", e.getMessage());
      return;
    }
    for (String name : stale) {
      try {
        execute("DROP DATABASE IF EXISTS " + quote(name));
      } catch (RuntimeException e) {
        LOG.warn("cannot drop stale test database {}: {}", name, e.getMessage());
      }
    }
  }

  private void dropDatabase(String name) {
    try {
      // FORCE (PostgreSQL 13+) ends sessions a test forgot to close
      execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
    } catch (RuntimeException e) {
      LOG.warn("cannot drop test database {}: {}", name, e.getMessage());
    }
  }

  private static void closePool(PgDatabase database) {
    if (database.dataSource() instanceof HikariDataSource hikari) {
      hikari.close();
    }
  }

  private void execute(String sql) {
    try (Connection connection = pg.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          sql + " failed on " + pg + " (the user needs CREATEDB): " + e.getMessage(), e);
    }
  }

  private void executeRetryingWhileInUse(String sql) {
    // a backend that just closed its connection to the template may still be exiting
    for (int attempt = 1; ; attempt++) {
      try (Connection connection = pg.connect();
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
        return;
      } catch (SQLException e) {
        if (!OBJECT_IN_USE.equals(e.getSQLState()) || attempt >= 100) {
          throw new IllegalStateException(
              sql + " failed on " + pg + " (the user needs CREATEDB): " + e.getMessage(), e);
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", interrupted);
        }
      }
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the test run's PostgreSQL resources are already closed");
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
