package io.inmo.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.bootstrap.Inmo;
import io.inmo.bootstrap.config.AppConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README command 1's promise: with no database configured Inmo starts an embedded PostgreSQL on
 * loopback, is ready, creates the first SUPERADMIN once, and keeps its data across restarts.
 */
class EmbeddedDefaultsE2ETest {

  @Test
  void givenNoDatabaseConfigured_whenStartedTwice_thenEmbeddedDatabaseReadyAndDataKept(
      @TempDir Path home) throws Exception {
    int dbPort = freePort();
    Map<String, String> env =
        Map.of(
            "INMO_PORT", "0",
            "INMO_HOST", "127.0.0.1",
            "INMO_EMBEDDED_DB_PORT", Integer.toString(dbPort),
            "INMO_SHUTDOWN_GRACE_SECONDS", "1");

    String password;
    try (Inmo first = Inmo.start(AppConfig.from(env, home))) {
      assertThat(first.embeddedDatabase()).isPresent();
      assertThat(first.embeddedDatabase().get().directory())
          .isEqualTo(home.resolve(".inmo/postgres"));
      assertThat(first.embeddedDatabase().get().jdbcUrl())
          .contains("localhost:" + dbPort)
          .doesNotContain(":5432/");
      assertThat(ready(first)).isEqualTo(200);
      assertThat(setting(first, "fsync"))
          .as("a brokerage's data is written durably")
          .isEqualTo("on");
      assertThat(setting(first, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(first, "listen_addresses")).isEqualTo("127.0.0.1");
      assertThat(first.firstAdmin()).isPresent();
      assertThat(first.firstAdmin().get().email().value()).isEqualTo("admin@inmo.local");
      password = first.firstAdmin().get().password();
    }
    assertThat(Files.exists(home.resolve(".inmo/postgres/PG_VERSION"))).isTrue();

    try (Inmo second = Inmo.start(AppConfig.from(env, home))) {
      assertThat(ready(second)).isEqualTo(200);
      assertThat(second.firstAdmin()).as("the admin of the first start is still there").isEmpty();
    }
    assertThat(password).hasSize(20);
  }

  private static int ready(Inmo inmo) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return client
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + inmo.port() + "/health/ready"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static String setting(Inmo inmo, String name) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(inmo.embeddedDatabase().get().jdbcUrl());
        ResultSet result = connection.createStatement().executeQuery("SHOW " + name)) {
      result.next();
      return result.getString(1);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
