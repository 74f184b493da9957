package io.inmo.bootstrap.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded default database: a real PostgreSQL (zonky binaries) listening on loopback on a port
 * of its own, with its data kept in {@code <dataDir>/postgres} between runs.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final Path directory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
    this.postgres = postgres;
    this.directory = directory;
  }

  public static EmbeddedDatabase start(Path dataDir, int port) {
    Path directory = dataDir.resolve("postgres");
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(30))
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "100")
              // zonky starts the postmaster with -F and synchronous_commit=off (fine for tests);
              // this database holds a brokerage's real leads, so turn durability back on.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .start();
      return new EmbeddedDatabase(postgres, directory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not start the embedded PostgreSQL on 127.0.0.1:"
              + port
              + " with data in "
              + directory
              + " (is the port taken? set INMO_EMBEDDED_DB_PORT): "
              + e.getMessage(),
          e);
    }
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  public Path directory() {
    return directory;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
