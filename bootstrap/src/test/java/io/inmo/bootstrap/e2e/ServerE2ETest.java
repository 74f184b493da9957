package io.inmo.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.bootstrap.Inmo;
import io.inmo.bootstrap.config.AppConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole server as a user meets it: real PostgreSQL and Redis, HTTP over loopback. */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerE2ETest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private PgDatabase database;
  private Inmo inmo;
  private URI base;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    this.database = database;
    inmo = Inmo.start(config(database, Map.of("INMO_REDIS_URL", redis.uri())));
    base = URI.create("http://127.0.0.1:" + inmo.port());
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  static AppConfig config(PgDatabase database, Map<String, String> extra) {
    Map<String, String> env = new java.util.HashMap<>(extra);
    env.put("INMO_PORT", "0");
    env.put("INMO_HOST", "127.0.0.1");
    env.put("INMO_DATABASE_URL", database.jdbcUrl());
    env.put("INMO_DATABASE_USER", database.user());
    env.put("INMO_DATABASE_PASSWORD", database.password() == null ? "" : database.password());
    env.put("INMO_MAX_REQUEST_BYTES", "4096");
    env.put("INMO_SHUTDOWN_GRACE_SECONDS", "1");
    // one platform admin per server: Redis keeps login-attempt counts per account between runs
    env.putIfAbsent(
        "INMO_ADMIN_EMAIL",
        "plataforma." + java.util.UUID.randomUUID().toString().substring(0, 8) + "@inmo.cl");
    return AppConfig.from(env, Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Test
  void givenRunningServer_whenLiveProbed_thenUp() throws Exception {
    HttpResponse<String> response = get("/health/live", "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("status").asText()).isEqualTo("up");
  }

  @Test
  void givenDatabaseAndRedis_whenReadyProbed_thenBothUp() throws Exception {
    HttpResponse<String> response = get("/health/ready", "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("status").asText()).isEqualTo("up");
    assertThat(body.get("checks").findValuesAsText("name")).containsExactly("database", "redis");
    assertThat(body.get("checks").findValuesAsText("status")).containsOnly("up");
    assertThat(response.body()).doesNotContain(database.password() == null ? "\u0000" : "password");
  }

  @Test
  void givenBrowser_whenRootRequested_thenDashboardServed() throws Exception {
    HttpResponse<String> response = get("/", "text/html");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(response.body()).contains("<div id=\"root\"");
  }

  @Test
  void givenClientSideRoute_whenBrowserRequestsIt_thenIndexServed() throws Exception {
    HttpResponse<String> response = get("/leads/ajustes", "text/html");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("<div id=\"root\"");
  }

  @Test
  void givenMissingAsset_whenRequested_thenProblem404() throws Exception {
    HttpResponse<String> response = get("/assets/no-existe.js", "*/*");
    assertProblem(response, 404, "route.not_found");
  }

  @Test
  void givenUnknownApiRoute_whenRequested_thenProblem404NotIndex() throws Exception {
    HttpResponse<String> response = get("/api/v1/no-existe", "text/html,application/json");
    assertProblem(response, 404, "route.not_found");
  }

  @Test
  void givenOpenApiDocument_whenRequested_thenDescribesHealth() throws Exception {
    HttpResponse<String> response = get("/api/openapi.json", "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = JSON.readTree(response.body());
    assertThat(document.get("openapi").asText()).startsWith("3.");
    assertThat(document.get("info").get("title").asText()).isEqualTo("Inmo API");
    assertThat(document.get("paths").has("/health/ready")).isTrue();
  }

  @Test
  void givenWrongMethod_whenHealthPosted_thenProblem405() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/health/live"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nombre\":"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(response, 405, "route.method_not_allowed");
  }

  @Test
  void givenOversizedBody_whenPosted_thenProblem413() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/leads"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "ñ".repeat(5000) + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(response, 413, "request.too_large");
  }

  @Test
  void givenRequestId_whenSent_thenEchoed() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/health/live"))
                .header("X-Request-Id", "corredora-42-abc")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.headers().firstValue("X-Request-Id")).contains("corredora-42-abc");
  }

  @Test
  void givenMalformedHttp_whenSent_thenProblemJsonNotHtml() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", inmo.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /health/live HTTP/1.1\r\nHost: localhost\r\nBad Header Without Colon\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String raw = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
      assertThat(raw).startsWith("HTTP/1.1 400");
      assertThat(raw).containsIgnoringCase("application/problem+json");
      assertThat(raw).doesNotContain("<html", "Exception");
    }
  }

  @Test
  void givenEmptyDatabase_whenStarted_thenOneSuperadminCreatedOnce() throws Exception {
    assertThat(inmo.firstAdmin()).isPresent();
    assertThat(inmo.firstAdmin().get().email().value())
        .isEqualTo(inmo.config().adminEmail())
        .startsWith("plataforma.")
        .endsWith("@inmo.cl");
    assertThat(inmo.firstAdmin().get().password()).hasSize(20);

    try (Inmo second = Inmo.start(config(database, Map.of()))) {
      assertThat(second.firstAdmin()).isEmpty();
    }
    try (Connection connection = database.dataSource().getConnection();
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT count(*), min(hashed_password) FROM users WHERE role = 'SUPERADMIN'")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(1);
      assertThat(rows.getString(2))
          .startsWith("$argon2id$")
          .doesNotContain(inmo.firstAdmin().get().password());
    }
  }

  private HttpResponse<String> get(String path, String accept) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("code").asText()).isEqualTo(code);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
  }
}
