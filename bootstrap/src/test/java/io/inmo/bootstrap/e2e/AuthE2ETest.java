package io.inmo.bootstrap.e2e;

import static io.inmo.bootstrap.e2e.Api.assertProblem;
import static io.inmo.bootstrap.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.adapters.rest.auth.JwtAccessTokens;
import io.inmo.application.security.Actor;
import io.inmo.bootstrap.Inmo;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.UserId;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-up, sign-in, refresh rotation with reuse detection, sign-out and "who am I" over HTTP,
 * against a real PostgreSQL and the Redis-backed rate limiter.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthE2ETest {
  private static final String PASSWORD = "Ñuñoa-Vista-2026";

  private PgDatabase database;
  private Sql sql;
  private Inmo inmo;
  private URI base;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    this.database = database;
    this.sql = new Sql(database.dataSource());
    inmo =
        Inmo.start(
            ServerE2ETest.config(
                database,
                Map.of(
                    "INMO_REDIS_URL", redis.uri(),
                    "INMO_TRUST_PROXY", "true",
                    "INMO_JWT_SECRET", "secreto-de-firma-para-pruebas-e2e-de-inmo")));
    base = URI.create("http://127.0.0.1:" + inmo.port());
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenNewBrokerage_whenRegistered_thenBrokerConfigsAdminAndSessionExist() throws Exception {
    Api api = new Api(base);
    String email = unique("valentina.soto") + "@propiedadesandes.cl";

    HttpResponse<String> response =
        api.post("/api/v1/auth/register", registration("Propiedades Andes Ñuñoa", email));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    JsonNode body = json(response);
    assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
    assertThat(body.get("expiresIn").asLong()).isBetween(14 * 60L, 15 * 60L);
    assertThat(body.get("refreshToken").asText()).hasSizeGreaterThanOrEqualTo(43);
    JsonNode user = body.get("user");
    assertThat(user.get("email").asText()).isEqualTo(email);
    assertThat(user.get("name").asText()).isEqualTo("Valentina Soto");
    assertThat(user.get("role").asText()).isEqualTo("ADMIN");
    assertThat(user.get("brokerSlug").asText()).startsWith("propiedades-andes-nunoa");

    String brokerId = user.get("brokerId").asText();
    assertThat(sql.count("SELECT count(*) FROM brokers WHERE id = ?::uuid", brokerId)).isEqualTo(1);
    for (String table :
        new String[] {
          "broker_prompt_configs",
          "broker_lead_configs",
          "broker_chat_configs",
          "broker_voice_configs"
        }) {
      assertThat(
              sql.count("SELECT count(*) FROM " + table + " WHERE broker_id = ?::uuid", brokerId))
          .as(table)
          .isEqualTo(1);
    }
    assertThat(
            sql.text(
                "SELECT hashed_password FROM users WHERE id = ?::uuid", user.get("id").asText()))
        .startsWith("$argon2id$")
        .doesNotContain(PASSWORD);
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE action = 'auth.register' AND broker_id ="
                    + " ?::uuid",
                brokerId))
        .isEqualTo(1);
    assertThat(
            sql.text(
                "SELECT token_hash FROM refresh_tokens WHERE user_id = ?::uuid",
                user.get("id").asText()))
        .hasSize(64)
        .isNotEqualTo(body.get("refreshToken").asText());
  }

  @Test
  void givenTakenBrokerName_whenAnotherRegisters_thenSlugGetsASuffix() throws Exception {
    Api api = new Api(base);
    String name = "Corredora " + unique("Viña");
    JsonNode first =
        json(api.post("/api/v1/auth/register", registration(name, unique("a") + "@costa.cl")));
    JsonNode second =
        json(api.post("/api/v1/auth/register", registration(name, unique("b") + "@costa.cl")));

    String slug = first.get("user").get("brokerSlug").asText();
    assertThat(second.get("user").get("brokerSlug").asText()).isEqualTo(slug + "-2");
  }

  @Test
  void givenTakenEmailInOtherCase_whenRegistering_thenConflictAndNothingWritten() throws Exception {
    Api api = new Api(base);
    String email = unique("diego.fuentes") + "@andes.cl";
    assertThat(api.post("/api/v1/auth/register", registration("Andes Uno", email)).statusCode())
        .isEqualTo(201);
    long brokers = sql.count("SELECT count(*) FROM brokers");

    HttpResponse<String> again =
        api.post(
            "/api/v1/auth/register",
            registration("Andes Dos", email.toUpperCase(java.util.Locale.ROOT)));

    assertProblem(again, 409, "user.email_taken");
    assertThat(sql.count("SELECT count(*) FROM brokers")).isEqualTo(brokers);
  }

  @Test
  void givenBadSignUpInput_whenRegistering_thenClear400sAndNothingWritten() throws Exception {
    Api api = new Api(base);
    long brokers = sql.count("SELECT count(*) FROM brokers");

    assertProblem(
        api.post(
            "/api/v1/auth/register", registration("Andes", unique("x") + "@andes.cl", "corta")),
        400,
        "auth.weak_password");
    assertProblem(
        api.post(
            "/api/v1/auth/register",
            registration("Andes", unique("x") + "@andes.cl", "contraseña123")),
        400,
        "auth.weak_password");
    assertProblem(
        api.post("/api/v1/auth/register", registration("Andes", "no-es-un-correo")),
        400,
        "request.invalid");
    assertProblem(
        api.post("/api/v1/auth/register", registration("¡¡!!", unique("y") + "@andes.cl")),
        400,
        "request.invalid");
    assertProblem(
        api.post("/api/v1/auth/register", "{\"brokerName\":\"Andes\"}", null),
        400,
        "request.invalid");
    assertProblem(api.post("/api/v1/auth/register", "", null), 400, "request.body_missing");
    assertProblem(
        api.post("/api/v1/auth/register", "{\"brokerName\": ", null),
        400,
        "request.malformed_json");
    assertThat(sql.count("SELECT count(*) FROM brokers")).isEqualTo(brokers);
  }

  @Test
  void givenRegisteredAdmin_whenLoggingIn_thenMeDescribesThem() throws Exception {
    Api api = new Api(base);
    String email = unique("camila.rojas") + "@andes.cl";
    api.post("/api/v1/auth/register", registration("Andes Providencia", email));

    HttpResponse<String> login =
        api.post(
            "/api/v1/auth/login",
            Map.of("email", "  " + email.toUpperCase(java.util.Locale.ROOT), "password", PASSWORD));

    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String token = json(login).get("accessToken").asText();
    HttpResponse<String> me = api.get("/api/v1/auth/me", token);
    assertThat(me.statusCode()).isEqualTo(200);
    JsonNode user = json(me);
    assertThat(user.get("email").asText()).isEqualTo(email);
    assertThat(user.get("role").asText()).isEqualTo("ADMIN");
    assertThat(user.get("brokerSlug").asText()).startsWith("andes-providencia");
    assertThat(
            sql.text(
                "SELECT last_login_at IS NOT NULL FROM users WHERE id = ?::uuid",
                user.get("id").asText()))
        .isEqualTo("t");
  }

  @Test
  void givenWrongPasswordOrUnknownAccount_whenLoggingIn_thenSame401AndAudited() throws Exception {
    Api api = new Api(base);
    String email = unique("tomas.munoz") + "@andes.cl";
    api.post("/api/v1/auth/register", registration("Andes Maipú", email));

    HttpResponse<String> wrong =
        api.post("/api/v1/auth/login", Map.of("email", email, "password", "Otra-Clave-2026"));
    HttpResponse<String> unknown =
        api.post(
            "/api/v1/auth/login",
            Map.of("email", unique("nadie") + "@andes.cl", "password", PASSWORD));

    JsonNode first = assertProblem(wrong, 401, "auth.invalid_credentials");
    JsonNode second = assertProblem(unknown, 401, "auth.invalid_credentials");
    assertThat(first.get("detail")).isEqualTo(second.get("detail"));
    assertThat(wrong.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE action = 'auth.login_failed'"
                    + " AND after_summary->>'email' = ?",
                email))
        .isEqualTo(1);
    assertThat(
            sql.text(
                "SELECT count(*) FROM audit_logs WHERE after_summary::text LIKE ?", "%Otra-Clave%"))
        .isEqualTo("0");
  }

  @Test
  void givenManyFailedAttempts_whenLoggingIn_thenThrottledWithRetryAfter() throws Exception {
    Api api = new Api(base);
    String email = unique("ataque") + "@andes.cl";
    api.post("/api/v1/auth/register", registration("Andes Quilicura", email));

    for (int attempt = 1; attempt <= 10; attempt++) {
      // each attempt from another address: the per-account limit is what stops them
      HttpResponse<String> response =
          api.fromAnotherAddress()
              .post(
                  "/api/v1/auth/login",
                  Map.of("email", email, "password", "Intento-" + attempt + "-xx"));
      assertThat(response.statusCode()).as("attempt " + attempt).isEqualTo(401);
    }
    HttpResponse<String> throttled =
        api.fromAnotherAddress()
            .post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));

    assertProblem(throttled, 429, "auth.too_many_attempts");
    long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 300L);
  }

  @Test
  void givenRefreshToken_whenRefreshed_thenRotatesAndReuseRevokesTheLogin() throws Exception {
    Api api = new Api(base);
    JsonNode session =
        json(
            api.post(
                "/api/v1/auth/register", registration("Andes Ñuble", unique("ana") + "@andes.cl")));
    String original = session.get("refreshToken").asText();

    HttpResponse<String> refreshed =
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", original));
    assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    String rotated = json(refreshed).get("refreshToken").asText();
    assertThat(rotated).isNotEqualTo(original);
    assertThat(api.get("/api/v1/auth/me", json(refreshed).get("accessToken").asText()).statusCode())
        .isEqualTo(200);

    assertProblem(
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", original)),
        401,
        "auth.refresh_token_reused");
    assertProblem(
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", rotated)),
        401,
        "auth.invalid_refresh_token");
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE action = 'auth.refresh_reused' AND user_id ="
                    + " ?::uuid",
                session.get("user").get("id").asText()))
        .isEqualTo(1);
  }

  @Test
  void givenLoggedOut_whenRefreshing_thenRejected() throws Exception {
    Api api = new Api(base);
    JsonNode session =
        json(
            api.post(
                "/api/v1/auth/register",
                registration("Andes Temuco", unique("luis") + "@andes.cl")));
    String refresh = session.get("refreshToken").asText();

    HttpResponse<String> logout = api.post("/api/v1/auth/logout", Map.of("refreshToken", refresh));

    assertThat(logout.statusCode()).isEqualTo(204);
    assertProblem(
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", refresh)),
        401,
        "auth.invalid_refresh_token");
    assertProblem(
        api.post("/api/v1/auth/refresh", Map.of("refreshToken", "no-existe")),
        401,
        "auth.invalid_refresh_token");
  }

  @Test
  void givenDeactivatedUser_whenLoggingInOrRefreshing_then401() throws Exception {
    Api api = new Api(base);
    String email = unique("paula.diaz") + "@andes.cl";
    JsonNode session = json(api.post("/api/v1/auth/register", registration("Andes Osorno", email)));
    sql.execute(
        "UPDATE users SET is_active = false WHERE id = ?::uuid",
        session.get("user").get("id").asText());

    assertProblem(
        api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)),
        401,
        "auth.account_disabled");
    assertProblem(
        api.post(
            "/api/v1/auth/refresh", Map.of("refreshToken", session.get("refreshToken").asText())),
        401,
        "auth.account_disabled");
    assertProblem(
        api.get("/api/v1/auth/me", session.get("accessToken").asText()),
        401,
        "auth.account_disabled");
  }

  @Test
  void givenMissingForgedOrForeignToken_whenCallingMe_then401() throws Exception {
    Api api = new Api(base);
    HttpResponse<String> missing = api.get("/api/v1/auth/me", null);
    assertProblem(missing, 401, "auth.missing_token");
    assertThat(missing.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");

    assertProblem(api.get("/api/v1/auth/me", "basura.que.no-es-jwt"), 401, "auth.invalid_token");

    String foreign =
        new JwtAccessTokens(
                "otra-clave-de-otra-instalacion-32bytes!".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(15))
            .issue(new Actor(UserId.newId(), BrokerId.newId(), Role.ADMIN), Instant.now())
            .value();
    assertProblem(api.get("/api/v1/auth/me", foreign), 401, "auth.invalid_token");
  }

  @Test
  void givenFirstStart_whenPlatformAdminLogsIn_thenSuperadminWithoutBroker() throws Exception {
    Api api = new Api(base);
    var admin = inmo.firstAdmin().orElseThrow();

    HttpResponse<String> login =
        api.post(
            "/api/v1/auth/login",
            Map.of("email", admin.email().value(), "password", admin.password()));

    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    JsonNode user = json(login).get("user");
    assertThat(user.get("role").asText()).isEqualTo("SUPERADMIN");
    assertThat(user.path("brokerId").isMissingNode() || user.get("brokerId").isNull())
        .as("a SUPERADMIN belongs to no broker: " + user)
        .isTrue();
  }

  private static Map<String, String> registration(String brokerName, String email) {
    return registration(brokerName, email, PASSWORD);
  }

  private static Map<String, String> registration(
      String brokerName, String email, String password) {
    return Map.of(
        "brokerName", brokerName, "name", "Valentina Soto", "email", email, "password", password);
  }

  private static String unique(String prefix) {
    return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
  }
}
