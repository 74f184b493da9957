package io.inmo.bootstrap.e2e;

import static io.inmo.bootstrap.e2e.Api.assertProblem;
import static io.inmo.bootstrap.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.bootstrap.Inmo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * User administration over HTTP (§3, §15 {@code /api/v1/users}): who may list, create and edit a
 * broker's users, tenant isolation, input errors, last-admin protection, sign-out on deactivation,
 * and the audit trail, against a real PostgreSQL and Redis.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersE2ETest {
  private static final String ADMIN_PASSWORD = "Providencia-Norte-2026";
  private static final String AGENT_PASSWORD = "Lastarria-Sur-1987";
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

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
                    "INMO_JWT_SECRET", "secreto-de-firma-para-pruebas-e2e-de-usuarios")));
    base = URI.create("http://127.0.0.1:" + inmo.port());
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenAdmin_whenCreatingAgent_thenAgentCanSignInAndIsListed() throws Exception {
    Api api = new Api(base);
    Broker broker = register(api, "Propiedades Los Dominicos");
    String email = unique("matias.gonzalez") + "@losdominicos.cl";

    HttpResponse<String> created =
        api.post(
            "/api/v1/users",
            body("Matías González", email, "AGENT", AGENT_PASSWORD),
            broker.accessToken());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode user = json(created);
    assertThat(user.get("email").asText()).isEqualTo(email);
    assertThat(user.get("name").asText()).isEqualTo("Matías González");
    assertThat(user.get("role").asText()).isEqualTo("AGENT");
    assertThat(user.get("active").asBoolean()).isTrue();
    assertThat(user.get("brokerId").asText()).isEqualTo(broker.brokerId());
    assertThat(user.hasNonNull("lastLoginAt")).as("never signed in: omitted").isFalse();
    assertThat(user.hasNonNull("createdAt") && user.hasNonNull("updatedAt")).isTrue();
    assertThat(created.body()).doesNotContain("argon2").doesNotContain(AGENT_PASSWORD);
    assertThat(created.headers().firstValue("Location").orElse(""))
        .endsWith("/api/v1/users/" + user.get("id").asText());

    HttpResponse<String> login = login(api, email.toUpperCase(Locale.ROOT), AGENT_PASSWORD);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    JsonNode me = json(api.get("/api/v1/auth/me", json(login).get("accessToken").asText()));
    assertThat(me.get("role").asText()).isEqualTo("AGENT");
    assertThat(me.get("brokerId").asText()).isEqualTo(broker.brokerId());

    HttpResponse<String> list = api.get("/api/v1/users", broker.accessToken());
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(emails(json(list))).containsExactlyInAnyOrder(broker.email(), email);
    assertThat(list.body()).doesNotContain("argon2");
    JsonNode listed = find(json(list), email);
    assertThat(listed.hasNonNull("lastLoginAt")).as("the agent signed in").isTrue();

    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE action = 'user.create' AND broker_id ="
                    + " ?::uuid AND user_id = ?::uuid AND resource_id = ?",
                broker.brokerId(),
                broker.userId(),
                user.get("id").asText()))
        .isEqualTo(1);
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE broker_id = ?::uuid AND"
                    + " (after_summary::text LIKE '%argon2%' OR after_summary::text LIKE ?)",
                broker.brokerId(), "%" + AGENT_PASSWORD + "%"))
        .isZero();
  }

  @Test
  void givenAgent_whenManagingUsers_thenForbiddenExceptOwnNameAndPassword() throws Exception {
    Api api = new Api(base);
    Broker broker = register(api, "Corredora Ñuñoa Plaza");
    JsonNode agent = createAgent(api, broker, "Catalina Muñoz", unique("catalina.munoz"));
    String agentToken =
        json(login(api, agent.get("email").asText(), AGENT_PASSWORD)).get("accessToken").asText();
    long users =
        sql.count("SELECT count(*) FROM users WHERE broker_id = ?::uuid", broker.brokerId());

    assertProblem(api.get("/api/v1/users", agentToken), 403, "auth.forbidden");
    assertProblem(
        api.post(
            "/api/v1/users",
            body(
                "Benjamín Castro",
                unique("benjamin.castro") + "@nunoa.cl",
                "AGENT",
                AGENT_PASSWORD),
            agentToken),
        403,
        "auth.forbidden");
    assertProblem(
        patch(api, "/api/v1/users/" + broker.userId(), Map.of("name", "Otro Nombre"), agentToken),
        403,
        "auth.forbidden");
    String own = "/api/v1/users/" + agent.get("id").asText();
    assertProblem(patch(api, own, Map.of("role", "ADMIN"), agentToken), 403, "auth.forbidden");
    assertProblem(patch(api, own, Map.of("active", false), agentToken), 403, "auth.forbidden");
    assertThat(sql.count("SELECT count(*) FROM users WHERE broker_id = ?::uuid", broker.brokerId()))
        .isEqualTo(users);

    HttpResponse<String> renamed =
        patch(api, own, Map.of("name", "Catalina Muñoz Tapia"), agentToken);
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
    assertThat(json(renamed).get("name").asText()).isEqualTo("Catalina Muñoz Tapia");
    assertThat(json(renamed).get("role").asText()).isEqualTo("AGENT");
  }

  @Test
  void givenOtherBrokersAdmin_whenTouchingForeignUser_thenNotFoundAndNeverListed()
      throws Exception {
    Api api = new Api(base);
    Broker andes = register(api, "Andes Vitacura");
    Broker costa = register(api, "Costa Viña del Mar");
    JsonNode agent = createAgent(api, andes, "Ignacio Vergara", unique("ignacio.vergara"));
    String foreignId = agent.get("id").asText();

    assertProblem(
        patch(api, "/api/v1/users/" + foreignId, Map.of("active", false), costa.accessToken()),
        404,
        "user.not_found");
    assertProblem(
        patch(api, "/api/v1/users/" + andes.userId(), Map.of("role", "AGENT"), costa.accessToken()),
        404,
        "user.not_found");
    assertProblem(
        patch(api, "/api/v1/users/no-es-un-id", Map.of("name", "X"), costa.accessToken()),
        404,
        "user.not_found");
    assertProblem(
        api.get("/api/v1/users?brokerId=" + andes.brokerId(), costa.accessToken()),
        404,
        "broker.not_found");
    assertProblem(
        api.post(
            "/api/v1/users?brokerId=" + andes.brokerId(),
            body("Intrusa", unique("intrusa") + "@costa.cl", "AGENT", AGENT_PASSWORD),
            costa.accessToken()),
        404,
        "broker.not_found");

    JsonNode costaUsers = json(api.get("/api/v1/users", costa.accessToken()));
    assertThat(emails(costaUsers)).containsExactly(costa.email());
    assertThat(
            sql.text(
                "SELECT is_active::text FROM users WHERE id = ?::uuid", agent.get("id").asText()))
        .isEqualTo("true");
  }

  @Test
  void givenBadInput_whenCreatingUser_thenClear400sAndNothingWritten() throws Exception {
    Api api = new Api(base);
    Broker broker = register(api, "Propiedades Temuco Centro");
    long users =
        sql.count("SELECT count(*) FROM users WHERE broker_id = ?::uuid", broker.brokerId());
    String token = broker.accessToken();
    String email = unique("francisca.perez") + "@temuco.cl";

    assertProblem(
        api.post("/api/v1/users", body("Francisca Pérez", email, "AGENT", "corta"), token),
        400,
        "auth.weak_password");
    assertProblem(
        api.post("/api/v1/users", body("Francisca Pérez", email, "AGENT", "contraseña123"), token),
        400,
        "auth.weak_password");
    assertProblem(
        api.post(
            "/api/v1/users",
            body("Francisca Pérez", "francisca-en-temuco", "AGENT", AGENT_PASSWORD),
            token),
        400,
        "request.invalid");
    assertProblem(
        api.post(
            "/api/v1/users", body("Francisca Pérez", email, "CORREDOR", AGENT_PASSWORD), token),
        400,
        "request.invalid");
    assertProblem(
        api.post(
            "/api/v1/users", body("Francisca Pérez", email, "SUPERADMIN", AGENT_PASSWORD), token),
        400,
        "user.role_escalation");
    assertProblem(
        api.post("/api/v1/users", body("   ", email, "AGENT", AGENT_PASSWORD), token),
        400,
        "request.invalid");
    assertProblem(
        api.post("/api/v1/users", "{\"name\":\"Francisca Pérez\"}", token), 400, "request.invalid");
    assertProblem(api.post("/api/v1/users", "", token), 400, "request.body_missing");
    assertThat(sql.count("SELECT count(*) FROM users WHERE broker_id = ?::uuid", broker.brokerId()))
        .isEqualTo(users);

    JsonNode agent = createAgent(api, broker, "Tomás Sepúlveda", unique("tomas.sepulveda"));
    String path = "/api/v1/users/" + agent.get("id").asText();
    assertProblem(
        patch(api, path, Map.of("role", "SUPERADMIN"), token), 400, "user.role_escalation");
    assertProblem(
        patch(api, path, Map.of("password", "1234567890"), token), 400, "auth.weak_password");
    assertProblem(patch(api, path, Map.of("email", "sin-arroba"), token), 400, "request.invalid");
    assertProblem(patch(api, path, Map.of(), token), 400, "request.invalid");
    assertThat(sql.text("SELECT role FROM users WHERE id = ?::uuid", agent.get("id").asText()))
        .isEqualTo("AGENT");
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE action = 'user.update' AND resource_id = ?",
                agent.get("id").asText()))
        .isZero();
  }

  @Test
  void givenTakenEmailInOtherCase_whenCreatingOrChangingEmail_thenConflict() throws Exception {
    Api api = new Api(base);
    Broker first = register(api, "Corredora Puerto Montt");
    Broker second = register(api, "Corredora Puerto Varas");
    long users = sql.count("SELECT count(*) FROM users");

    assertProblem(
        api.post(
            "/api/v1/users",
            body("Sofía Araya", first.email().toUpperCase(Locale.ROOT), "AGENT", AGENT_PASSWORD),
            second.accessToken()),
        409,
        "user.email_taken");
    assertThat(sql.count("SELECT count(*) FROM users")).isEqualTo(users);

    JsonNode agent = createAgent(api, second, "Sofía Araya", unique("sofia.araya"));
    assertProblem(
        patch(
            api,
            "/api/v1/users/" + agent.get("id").asText(),
            Map.of("email", first.email().toUpperCase(Locale.ROOT)),
            second.accessToken()),
        409,
        "user.email_taken");
  }

  @Test
  void givenDeactivatedUser_whenSigningInOrRefreshing_then401AndAudited() throws Exception {
    Api api = new Api(base);
    Broker broker = register(api, "Propiedades La Serena");
    JsonNode agent = createAgent(api, broker, "Joaquín Olivares", unique("joaquin.olivares"));
    String email = agent.get("email").asText();
    JsonNode session = json(login(api, email, AGENT_PASSWORD));

    HttpResponse<String> deactivated =
        patch(
            api,
            "/api/v1/users/" + agent.get("id").asText(),
            Map.of("active", false),
            broker.accessToken());

    assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);
    assertThat(json(deactivated).get("active").asBoolean()).isFalse();
    assertProblem(login(api, email, AGENT_PASSWORD), 401, "auth.account_disabled");
    HttpResponse<String> refresh =
        api.post(
            "/api/v1/auth/refresh", Map.of("refreshToken", session.get("refreshToken").asText()));
    assertThat(refresh.statusCode()).as(refresh.body()).isEqualTo(401);
    assertThat(
            sql.count(
                "SELECT count(*) FROM refresh_tokens WHERE user_id = ?::uuid AND revoked_at IS"
                    + " NULL",
                agent.get("id").asText()))
        .isZero();
    assertThat(
            sql.text(
                "SELECT after_summary::text FROM audit_logs WHERE action = 'user.deactivate' AND"
                    + " resource_id = ?",
                agent.get("id").asText()))
        .contains("\"active\": false");

    HttpResponse<String> reactivated =
        patch(
            api,
            "/api/v1/users/" + agent.get("id").asText(),
            Map.of("active", true),
            broker.accessToken());
    assertThat(json(reactivated).get("active").asBoolean()).isTrue();
    assertThat(login(api, email, AGENT_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void givenPasswordChangedByAdmin_whenOldSessionRefreshes_thenRejectedAndNewPasswordWorks()
      throws Exception {
    Api api = new Api(base);
    Broker broker = register(api, "Propiedades Concepción");
    JsonNode agent = createAgent(api, broker, "Fernanda Riquelme", unique("fernanda.riquelme"));
    String email = agent.get("email").asText();
    JsonNode session = json(login(api, email, AGENT_PASSWORD));
    String newPassword = "Caupolican-Bio-Bio-44";

    HttpResponse<String> changed =
        patch(
            api,
            "/api/v1/users/" + agent.get("id").asText(),
            Map.of("password", newPassword),
            broker.accessToken());

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(
            api.post(
                    "/api/v1/auth/refresh",
                    Map.of("refreshToken", session.get("refreshToken").asText()))
                .statusCode())
        .isEqualTo(401);
    assertProblem(login(api, email, AGENT_PASSWORD), 401, "auth.invalid_credentials");
    assertThat(login(api, email, newPassword).statusCode()).isEqualTo(200);
    String audit =
        sql.text(
            "SELECT after_summary::text FROM audit_logs WHERE action = 'user.update' AND"
                + " resource_id = ?",
            agent.get("id").asText());
    assertThat(audit).contains("passwordChanged").doesNotContain(newPassword).doesNotContain("$");
  }

  @Test
  void givenLastActiveAdmin_whenDeactivatingOrDemotingThemselves_thenConflict() throws Exception {
    Api api = new Api(base);
    Broker broker = register(api, "Corredora Valdivia Sur");
    String self = "/api/v1/users/" + broker.userId();

    assertProblem(
        patch(api, self, Map.of("active", false), broker.accessToken()), 409, "user.last_admin");
    assertProblem(
        patch(api, self, Map.of("role", "AGENT"), broker.accessToken()), 409, "user.last_admin");
    assertThat(sql.text("SELECT role FROM users WHERE id = ?::uuid", broker.userId()))
        .isEqualTo("ADMIN");

    HttpResponse<String> second =
        api.post(
            "/api/v1/users",
            body(
                "Rodrigo Alarcón",
                unique("rodrigo.alarcon") + "@valdivia.cl",
                "ADMIN",
                AGENT_PASSWORD),
            broker.accessToken());
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
    HttpResponse<String> demoted = patch(api, self, Map.of("role", "AGENT"), broker.accessToken());
    assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(200);
    assertThat(json(demoted).get("role").asText()).isEqualTo("AGENT");
  }

  @Test
  void givenSuperadmin_whenManagingABrokersUsers_thenAllowedWithBrokerIdAndAudited()
      throws Exception {
    Api api = new Api(base);
    Broker broker = register(api, "Propiedades Antofagasta");
    var admin = inmo.firstAdmin().orElseThrow();
    JsonNode session = json(login(api, admin.email().value(), admin.password()));
    String token = session.get("accessToken").asText();
    String superadminId = session.get("user").get("id").asText();

    assertProblem(api.get("/api/v1/users", token), 400, "user.broker_required");
    assertProblem(
        api.get("/api/v1/users?brokerId=" + UUID.randomUUID(), token), 404, "broker.not_found");
    assertProblem(api.get("/api/v1/users?brokerId=basura", token), 400, "request.invalid");

    HttpResponse<String> list = api.get("/api/v1/users?brokerId=" + broker.brokerId(), token);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(emails(json(list))).containsExactly(broker.email());
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE action = 'user.list' AND broker_id = ?::uuid"
                    + " AND user_id = ?::uuid",
                broker.brokerId(),
                superadminId))
        .isEqualTo(1);

    HttpResponse<String> created =
        api.post(
            "/api/v1/users?brokerId=" + broker.brokerId(),
            body(
                "Daniela Cortés",
                unique("daniela.cortes") + "@antofagasta.cl",
                "ADMIN",
                AGENT_PASSWORD),
            token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(json(created).get("brokerId").asText()).isEqualTo(broker.brokerId());
    assertProblem(
        patch(api, "/api/v1/users/" + superadminId, Map.of("name", "Otro"), token),
        404,
        "user.not_found");
  }

  // ---------------------------------------------------------------- helpers

  private record Broker(String brokerId, String userId, String email, String accessToken) {}

  private Broker register(Api api, String brokerName) throws Exception {
    String email = unique("valentina.soto") + "@corredora.cl";
    HttpResponse<String> response =
        api.post(
            "/api/v1/auth/register",
            Map.of(
                "brokerName",
                brokerName + " " + UUID.randomUUID().toString().substring(0, 6),
                "name",
                "Valentina Soto",
                "email",
                email,
                "password",
                ADMIN_PASSWORD));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = json(response);
    JsonNode user = body.get("user");
    return new Broker(
        user.get("brokerId").asText(),
        user.get("id").asText(),
        email,
        body.get("accessToken").asText());
  }

  private JsonNode createAgent(Api api, Broker broker, String name, String localPart)
      throws Exception {
    HttpResponse<String> response =
        api.post(
            "/api/v1/users",
            body(name, localPart + "@corredora.cl", "AGENT", AGENT_PASSWORD),
            broker.accessToken());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response);
  }

  private static HttpResponse<String> login(Api api, String email, String password)
      throws Exception {
    return api.post("/api/v1/auth/login", Map.of("email", email, "password", password));
  }

  private static String body(String name, String email, String role, String password)
      throws Exception {
    return Api.JSON.writeValueAsString(
        Map.of("name", name, "email", email, "role", role, "password", password));
  }

  /** PATCH is not in {@link Api}; sent the same way (JSON, bearer, forwarded address). */
  private HttpResponse<String> patch(Api api, String path, Map<String, ?> body, String token)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", "10.200.0." + (1 + Math.abs(path.hashCode() % 250)))
            .header("Authorization", "Bearer " + token)
            .method("PATCH", HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> emails(JsonNode list) {
    List<String> emails = new ArrayList<>();
    list.get("items").forEach(item -> emails.add(item.get("email").asText()));
    return emails;
  }

  private static JsonNode find(JsonNode list, String email) {
    for (JsonNode item : list.get("items")) {
      if (item.get("email").asText().equals(email)) {
        return item;
      }
    }
    throw new AssertionError("not listed: " + email);
  }

  private static String unique(String prefix) {
    return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
  }
}
