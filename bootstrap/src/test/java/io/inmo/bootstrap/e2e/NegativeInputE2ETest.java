package io.inmo.bootstrap.e2e;

import static io.inmo.bootstrap.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.bootstrap.Inmo;
import io.inmo.bootstrap.e2e.JaxRsRoutes.QueryParam;
import io.inmo.bootstrap.e2e.JaxRsRoutes.Route;
import io.inmo.bootstrap.e2e.JaxRsRoutes.Variable;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input on every endpoint that takes a body, query parameters or ids in its path: malformed
 * JSON, wrong JSON types, missing required fields, oversize strings, unknown enum values, invalid
 * UUIDs, invalid query values. Each case must answer its 4xx as {@code application/problem+json}
 * with {@code type}, {@code title} and a {@code status} equal to the HTTP status (and the expected
 * {@code code}), show no stack-trace text, and write nothing: every table's rows are the same
 * before and after.
 *
 * <p>Two tables: {@link #cases()} written by hand for the routes built so far, with exact codes;
 * and {@link #generic(List)}, derived from the running JAX-RS model, so that a route added later
 * gets malformed-JSON, wrong-media-type, invalid-id and invalid-number cases without editing this
 * test.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NegativeInputE2ETest {
  private static final String PASSWORD = "Cerro-Alegre-2026";
  private static final String JSON_TYPE = "application/json";

  /** Tables written by background machinery, not by requests. */
  private static final Set<String> NOT_SNAPSHOT =
      Set.of("databasechangelog", "databasechangeloglock", "scheduled_tasks");

  private Sql sql;
  private Inmo inmo;
  private URI base;
  private String admin;
  private String root;
  private String agentId;

  /** One bad request and what it must answer; {@code code} null when only the status is known. */
  private record Case(
      String method,
      String path,
      String what,
      String contentType,
      String body,
      String token,
      Set<Integer> statuses,
      String code) {
    /** Generic cases show the route template (their ids are random), the others the path. */
    String name() {
      return what.startsWith("[generic] ")
          ? method + " " + what
          : method + " " + path + " · " + what;
    }
  }

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) throws Exception {
    this.sql = new Sql(database.dataSource());
    inmo =
        Inmo.start(
            ServerE2ETest.config(
                database,
                Map.of(
                    "INMO_REDIS_URL",
                    redis.uri(),
                    "INMO_TRUST_PROXY",
                    "true",
                    "INMO_JWT_SECRET",
                    "secreto-de-firma-para-pruebas-e2e-de-inmo",
                    "INMO_ENCRYPTION_KEY",
                    Base64.getEncoder()
                        .encodeToString("clave-aes-de-32-bytes-para-e2e!!".getBytes()))));
    base = URI.create("http://127.0.0.1:" + inmo.port());

    String suffix = UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> registered =
        new Api(base)
            .post(
                "/api/v1/auth/register",
                Map.of(
                    "brokerName",
                    "Propiedades Valparaíso " + suffix,
                    "name",
                    "Javiera Lagos",
                    "email",
                    "javiera." + suffix + "@valparaiso.cl",
                    "password",
                    PASSWORD));
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    admin = json(registered).get("accessToken").asText();
    HttpResponse<String> agent =
        new Api(base)
            .post(
                "/api/v1/users",
                Api.JSON.writeValueAsString(
                    Map.of(
                        "name",
                        "Matías Fuentes",
                        "email",
                        "matias." + suffix + "@valparaiso.cl",
                        "role",
                        "AGENT",
                        "password",
                        PASSWORD)),
                admin);
    assertThat(agent.statusCode()).as(agent.body()).isEqualTo(201);
    agentId = json(agent).get("id").asText();
    var platform = inmo.firstAdmin().orElseThrow();
    HttpResponse<String> login =
        new Api(base)
            .post(
                "/api/v1/auth/login",
                Map.of("email", platform.email().value(), "password", platform.password()));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    root = json(login).get("accessToken").asText();
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @TestFactory
  Stream<DynamicTest> givenBadInput_whenSent_thenProblemJson4xxAndNothingWritten() {
    List<Route> routes = JaxRsRoutes.of(inmo);
    List<Case> all = new ArrayList<>(cases());
    if (routed(routes, "POST /api/v1/leads")) {
      all.addAll(leadCases(routes));
    }
    all.addAll(generic(routes));
    return all.stream()
        .map(c -> DynamicTest.dynamicTest(c.name().replace(agentId, "{agentId}"), () -> check(c)));
  }

  private void check(Case c) throws Exception {
    String before = sql.snapshot(NOT_SNAPSHOT);
    HttpResponse<String> response =
        new Api(base).raw(c.method(), c.path(), c.contentType(), c.body(), c.token());
    String after = sql.snapshot(NOT_SNAPSHOT);

    int status = response.statusCode();
    String body = response.body();
    assertThat(status).as("status of %s: %s", c.name(), body).isBetween(400, 499);
    assertThat(c.statuses()).as("expected status of %s: %s", c.name(), body).contains(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as("Content-Type of %s", c.name())
        .startsWith("application/problem+json");
    JsonNode problem = Api.JSON.readTree(body);
    assertThat(problem.isObject()).as(body).isTrue();
    assertThat(problem.path("type").asText()).as("type: %s", body).isNotBlank();
    assertThat(problem.path("title").asText()).as("title: %s", body).isNotBlank();
    assertThat(problem.path("status").isInt()).as("status: %s", body).isTrue();
    assertThat(problem.get("status").asInt()).as("status member: %s", body).isEqualTo(status);
    if (c.code() != null) {
      assertThat(problem.path("code").asText()).as("code: %s", body).isEqualTo(c.code());
    }
    assertThat(body).doesNotContain("Exception", "at io.", "java.", "\tat ", "jakarta.");
    assertThat(after).as("rows written by %s", c.name()).isEqualTo(before);
  }

  // ---------------------------------------------------------------- hand-written cases

  private List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    String user = "/api/v1/users/" + agentId;

    // ---- auth: register, login, refresh, logout (no token) ----
    String register = "/api/v1/auth/register";
    bodyBasics(cases, "POST", register, null);
    cases.add(
        jsonCase(
            "POST",
            register,
            "wrong type: brokerName is a list",
            registration("[\"Andes\"]", q("Valentina Soto"), q(email()), q(PASSWORD)),
            null,
            400,
            "request.invalid_json"));
    cases.add(
        jsonCase(
            "POST",
            register,
            "wrong type: email is an object",
            registration(q("Andes Norte"), q("Valentina Soto"), "{\"a\":1}", q(PASSWORD)),
            null,
            400,
            "request.invalid_json"));
    cases.add(
        jsonCase(
            "POST",
            register,
            "missing fields: only brokerName",
            "{\"brokerName\":\"Andes Norte\"}",
            null,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "POST",
            register,
            "oversize string: name of 201 characters",
            registration(q("Andes Norte"), q("ñ".repeat(201)), q(email()), q(PASSWORD)),
            null,
            400,
            null));
    cases.add(
        jsonCase(
            "POST",
            register,
            "oversize string: brokerName of 201 characters",
            registration(q("a".repeat(201)), q("Valentina Soto"), q(email()), q(PASSWORD)),
            null,
            400,
            null));
    cases.add(
        jsonCase(
            "POST",
            register,
            "oversize string: password of 129 characters",
            registration(
                q("Andes Norte"), q("Valentina Soto"), q(email()), q("Aa1-" + "x".repeat(125))),
            null,
            400,
            "auth.weak_password"));
    cases.add(
        jsonCase(
            "POST",
            register,
            "oversize string: e-mail of 260 characters",
            registration(
                q("Andes Norte"),
                q("Valentina Soto"),
                q("v".repeat(250) + "@andes.cl"),
                q(PASSWORD)),
            null,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "POST",
            register,
            "body over the size limit",
            registration(q("Andes Norte"), q("x".repeat(5000)), q(email()), q(PASSWORD)),
            null,
            413,
            "request.too_large"));

    String login = "/api/v1/auth/login";
    bodyBasics(cases, "POST", login, null);
    cases.add(
        jsonCase(
            "POST",
            login,
            "wrong type: password is an object",
            "{\"email\":\"" + email() + "\",\"password\":{\"x\":1}}",
            null,
            400,
            "request.invalid_json"));
    cases.add(
        jsonCase(
            "POST",
            login,
            "missing field: password",
            "{\"email\":\"" + email() + "\"}",
            null,
            400,
            "request.invalid"));
    cases.add(jsonCase("POST", login, "missing fields: {}", "{}", null, 400, "request.invalid"));

    for (String path : List.of("/api/v1/auth/refresh", "/api/v1/auth/logout")) {
      bodyBasics(cases, "POST", path, null);
      cases.add(
          jsonCase(
              "POST",
              path,
              "wrong type: refreshToken is a list",
              "{\"refreshToken\":[\"x\"]}",
              null,
              400,
              "request.invalid_json"));
      cases.add(
          jsonCase(
              "POST", path, "missing field: refreshToken", "{}", null, 400, "request.invalid"));
    }

    // ---- users ----
    String users = "/api/v1/users";
    bodyBasics(cases, "POST", users, admin);
    cases.add(
        jsonCase(
            "POST",
            users,
            "wrong type: name is an object",
            newUser("{\"n\":1}", q(email()), q("AGENT")),
            admin,
            400,
            "request.invalid_json"));
    cases.add(
        jsonCase(
            "POST",
            users,
            "missing fields: only name",
            "{\"name\":\"Francisca Pérez\"}",
            admin,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "POST",
            users,
            "oversize string: name of 201 characters",
            newUser(q("a".repeat(201)), q(email()), q("AGENT")),
            admin,
            400,
            null));
    cases.add(
        jsonCase(
            "POST",
            users,
            "unknown enum: role CORREDOR",
            newUser(q("Francisca Pérez"), q(email()), q("CORREDOR")),
            admin,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "POST",
            users + "?brokerId=no-es-un-uuid",
            "invalid UUID in query brokerId",
            newUser(q("Francisca Pérez"), q(email()), q("AGENT")),
            admin,
            400,
            "request.invalid"));
    cases.add(
        get(
            users + "?brokerId=no-es-un-uuid",
            "invalid UUID in query brokerId",
            admin,
            400,
            "request.invalid"));
    cases.add(
        get(
            users + "?brokerId=" + "9".repeat(300),
            "oversize query brokerId",
            admin,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "PATCH",
            "/api/v1/users/no-es-un-uuid",
            "invalid UUID in path",
            "{\"name\":\"Otro Nombre\"}",
            admin,
            404,
            "user.not_found"));
    bodyBasics(cases, "PATCH", user, admin);
    cases.add(
        jsonCase(
            "PATCH",
            user,
            "wrong type: active is a word",
            "{\"active\":\"quizás\"}",
            admin,
            400,
            "request.invalid_json"));
    cases.add(jsonCase("PATCH", user, "empty change {}", "{}", admin, 400, "request.invalid"));
    cases.add(
        jsonCase(
            "PATCH",
            user,
            "unknown enum: role JEFE",
            "{\"role\":\"JEFE\"}",
            admin,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "PATCH",
            user,
            "oversize string: name of 201 characters",
            "{\"name\":\"" + "a".repeat(201) + "\"}",
            admin,
            400,
            null));
    cases.add(
        jsonCase(
            "PATCH",
            user,
            "invalid e-mail",
            "{\"email\":\"sin-arroba\"}",
            admin,
            400,
            "request.invalid"));

    // ---- broker ----
    String broker = "/api/v1/broker";
    bodyBasics(cases, "PATCH", broker, admin);
    cases.add(
        jsonCase("PATCH", broker, "JSON string body", "\"texto\"", admin, 400, "request.invalid"));
    cases.add(
        jsonCase(
            "PATCH",
            broker,
            "wrong type: name is a number",
            "{\"name\":5}",
            admin,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "PATCH",
            broker,
            "wrong type: businessHours is text",
            "{\"businessHours\":\"9 a 18\"}",
            admin,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "PATCH",
            broker,
            "missing field: businessHours range without end",
            "{\"businessHours\":{\"monday\":[{\"start\":\"09:00\"}]}}",
            admin,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "PATCH",
            broker,
            "unknown timezone",
            "{\"timezone\":\"Marte/Olimpo\"}",
            admin,
            400,
            "broker.invalid_timezone"));
    cases.add(
        jsonCase(
            "PATCH",
            broker,
            "oversize string: name of 201 characters",
            "{\"name\":\"" + "a".repeat(201) + "\"}",
            admin,
            400,
            "broker.invalid_name"));
    cases.add(
        jsonCase(
            "PATCH",
            "/api/v1/brokers/no-es-un-uuid",
            "invalid UUID in path",
            "{\"name\":\"Otra\"}",
            admin,
            404,
            null));
    cases.add(get("/api/v1/brokers/no-es-un-uuid", "invalid UUID in path", admin, 404, null));

    // ---- broker configs ----
    String prompt = broker + "/config/prompt";
    bodyBasics(cases, "PUT", prompt, admin);
    cases.add(
        jsonCase(
            "PUT",
            prompt,
            "missing field: agentName",
            "{\"enableAppointmentBooking\":true}",
            admin,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "PUT",
            prompt,
            "wrong type: enableAppointmentBooking is a word",
            "{\"agentName\":\"Sofía\",\"enableAppointmentBooking\":\"sí\"}",
            admin,
            400,
            "request.invalid_json"));
    cases.add(
        jsonCase(
            "PUT",
            prompt,
            "oversize string: agentName of 101 characters",
            "{\"agentName\":\"" + "a".repeat(101) + "\",\"enableAppointmentBooking\":true}",
            admin,
            400,
            "broker.invalid_prompt_config"));
    cases.add(
        jsonCase(
            "PUT",
            prompt,
            "unknown enum: language klingon",
            "{\"agentName\":\"Sofía\",\"enableAppointmentBooking\":true,\"language\":\"klingon\"}",
            admin,
            400,
            "broker.invalid_prompt_config"));
    cases.add(
        jsonCase(
            "PUT",
            "/api/v1/brokers/no-es-un-uuid/config/prompt",
            "invalid UUID in path",
            "{\"agentName\":\"Sofía\",\"enableAppointmentBooking\":true}",
            admin,
            404,
            null));

    String lead = broker + "/config/lead";
    bodyBasics(cases, "PUT", lead, admin);
    cases.add(
        jsonCase(
            "PUT",
            lead,
            "wrong type: coldMaxScore is a word",
            leadConfig("\"frío\"", "[\"location\"]"),
            admin,
            400,
            "request.invalid_json"));
    cases.add(
        jsonCase(
            "PUT",
            lead,
            "missing field: coldMaxScore",
            "{\"fieldWeights\":{\"budget\":50},\"warmMaxScore\":69,\"fieldPriority\":[],"
                + "\"qualifiedIncome\":1500000,\"potentialIncome\":800000}",
            admin,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "PUT",
            lead,
            "unknown enum: lead field signo_zodiacal",
            leadConfig("30", "[\"location\",\"signo_zodiacal\"]"),
            admin,
            400,
            "broker.invalid_lead_field"));
    cases.add(
        jsonCase(
            "PUT",
            "/api/v1/brokers/no-es-un-uuid/config/lead",
            "invalid UUID in path",
            leadConfig("30", "[\"location\"]"),
            admin,
            404,
            null));

    String chat = broker + "/config/chat";
    bodyBasics(cases, "PUT", chat, admin);
    cases.add(
        jsonCase(
            "PUT",
            chat,
            "unknown enum: provider signal",
            chatConfig("[\"webchat\",\"signal\"]", "\"webchat\"", "2"),
            admin,
            400,
            "broker.invalid_chat_config"));
    cases.add(
        jsonCase(
            "PUT",
            chat,
            "wrong type: burstWindowSeconds is a word",
            chatConfig("[\"webchat\"]", "\"webchat\"", "\"dos\""),
            admin,
            400,
            "request.invalid_json"));
    cases.add(
        jsonCase(
            "PUT",
            chat,
            "missing field: defaultProvider",
            "{\"enabledProviders\":[\"webchat\"],\"burstWindowSeconds\":2,\"takeoverIdleMinutes\":60}",
            admin,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "PUT",
            chat,
            "unknown credential key",
            "{\"enabledProviders\":[\"webchat\"],\"defaultProvider\":\"webchat\","
                + "\"burstWindowSeconds\":2,\"takeoverIdleMinutes\":60,"
                + "\"telegram\":{\"token\":\"x\"}}",
            admin,
            400,
            "request.invalid"));

    String voice = broker + "/config/voice";
    bodyBasics(cases, "PUT", voice, admin);
    cases.add(
        jsonCase(
            "PUT",
            voice,
            "unknown enum: provider twilio",
            voiceConfig("\"twilio\"", "\"09:00\"", "1", "\"pn-1\""),
            admin,
            400,
            "broker.invalid_voice_config"));
    cases.add(
        jsonCase(
            "PUT",
            voice,
            "invalid time: callingHoursStart 9am",
            voiceConfig("\"vapi\"", "\"9am\"", "1", "\"pn-1\""),
            admin,
            400,
            "broker.invalid_voice_config"));
    cases.add(
        jsonCase(
            "PUT",
            voice,
            "wrong type: maxConcurrentCalls is a word",
            voiceConfig("\"vapi\"", "\"09:00\"", "\"tres\"", "\"pn-1\""),
            admin,
            400,
            "request.invalid_json"));
    cases.add(
        jsonCase(
            "PUT",
            voice,
            "oversize string: phoneNumberId of 256 characters",
            voiceConfig("\"vapi\"", "\"09:00\"", "1", q("p".repeat(256))),
            admin,
            400,
            "broker.invalid_voice_config"));
    cases.add(
        jsonCase(
            "PUT",
            voice,
            "missing field: callingHoursEnd",
            "{\"callingHoursStart\":\"09:00\",\"maxConcurrentCalls\":1}",
            admin,
            400,
            "request.invalid"));

    // ---- platform administration (SUPERADMIN) ----
    String brokers = "/api/v1/admin/brokers";
    cases.add(get(brokers + "?limit=-1", "limit=-1", root, 400, "request.invalid_limit"));
    cases.add(get(brokers + "?limit=0", "limit=0", root, 400, "request.invalid_limit"));
    cases.add(
        get(brokers + "?limit=500", "limit over the maximum", root, 400, "request.invalid_limit"));
    cases.add(get(brokers + "?offset=-1", "offset=-1", root, 400, "request.invalid_offset"));
    cases.add(get(brokers + "?limit=abc", "limit=abc", root, 400, "request.invalid"));
    cases.add(get(brokers + "?offset=abc", "offset=abc", root, 400, "request.invalid"));
    cases.add(
        get(brokers + "?limit=99999999999", "limit beyond int", root, 400, "request.invalid"));
    cases.add(get(brokers + "?limit=1.5", "limit=1.5", root, 400, "request.invalid"));
    bodyBasics(cases, "POST", brokers, root);
    cases.add(
        jsonCase(
            "POST",
            brokers,
            "missing field: name",
            "{\"timezone\":\"America/Santiago\"}",
            root,
            400,
            "request.invalid"));
    cases.add(
        jsonCase(
            "POST",
            brokers,
            "wrong type: name is a list",
            "{\"name\":[\"Andes\"]}",
            root,
            400,
            "request.invalid_json"));
    cases.add(
        jsonCase(
            "POST",
            brokers,
            "unknown timezone",
            "{\"name\":\"Corredora Marte\",\"timezone\":\"Chile/Marte\"}",
            root,
            400,
            "broker.invalid_timezone"));
    cases.add(
        jsonCase(
            "POST",
            brokers,
            "oversize string: name of 201 characters",
            "{\"name\":\"" + "a".repeat(201) + "\"}",
            root,
            400,
            "broker.invalid_name"));
    cases.add(
        jsonCase(
            "POST",
            brokers,
            "invalid slug",
            "{\"name\":\"Corredora Andes\",\"slug\":\"Slug Con Espacios!\"}",
            root,
            400,
            null));
    cases.add(
        jsonCase(
            "POST",
            brokers,
            "invalid e-mail",
            "{\"name\":\"Corredora Andes\",\"email\":\"ventas@\"}",
            root,
            400,
            "broker.invalid_email"));
    for (String action : List.of("deactivate", "activate")) {
      cases.add(
          new Case(
              "POST",
              brokers + "/no-es-un-uuid/" + action,
              "invalid UUID in path",
              null,
              null,
              root,
              Set.of(404),
              null));
    }
    return cases;
  }

  /** A few lead cases while {@code /api/v1/leads} exists; the lead-specific ones live elsewhere. */
  private List<Case> leadCases(List<Route> routes) {
    List<Case> cases = new ArrayList<>();
    String leads = "/api/v1/leads";
    cases.add(
        jsonCase(
            "POST",
            leads,
            "wrong type: name is a list",
            "{\"name\":[\"María\"],\"phone\":\"+56912345678\"}",
            admin,
            400,
            null));
    cases.add(
        jsonCase(
            "POST",
            leads,
            "invalid phone",
            "{\"name\":\"María José Pérez\",\"phone\":\"llámame\"}",
            admin,
            400,
            null));
    cases.add(
        jsonCase(
            "POST",
            leads,
            "oversize string: name of 5000 bytes",
            "{\"name\":\"" + "ñ".repeat(2500) + "\",\"phone\":\"+56912345678\"}",
            admin,
            413,
            "request.too_large"));
    if (routed(routes, "GET /api/v1/leads/{}")) {
      cases.add(get(leads + "/no-es-un-uuid", "invalid UUID in path", admin, 404, null));
    }
    return cases;
  }

  // ---------------------------------------------------------------- generic, from the model

  /**
   * For every route: a JSON body route gets malformed JSON, a JSON array and a text/plain body; a
   * route with path variables gets a non-UUID in each; a non-text query parameter gets "abc".
   */
  private List<Case> generic(List<Route> routes) {
    List<Case> cases = new ArrayList<>();
    for (Route route : routes) {
      String token = route.permitAll() ? null : route.template().contains("/admin/") ? root : admin;
      String path = sample(route.template(), null);
      String shown = "[generic] " + placeholders(route.template());
      boolean json =
          route.consumes().isEmpty()
              || route.consumes().stream().anyMatch(t -> t.contains("json") || t.equals("*/*"));
      // a route that takes raw bytes (a webhook) checks whose address it is before reading the
      // body: an unknown broker answers 404 whatever the body
      Set<Integer> badBody = route.consumes().contains("*/*") ? Set.of(400, 404) : Set.of(400);
      if (route.hasBody() && json) {
        cases.add(
            new Case(
                route.method(),
                path,
                shown + " · malformed JSON",
                JSON_TYPE,
                "{\"a\": ",
                token,
                badBody,
                null));
        cases.add(
            new Case(
                route.method(),
                path,
                shown + " · JSON array body",
                JSON_TYPE,
                "[1,2]",
                token,
                badBody,
                null));
      }
      String unsupported = unsupportedMediaType(route);
      if (route.hasBody() && unsupported != null) {
        cases.add(
            new Case(
                route.method(),
                path,
                shown + " · " + unsupported + " body",
                unsupported,
                "hola",
                token,
                Set.of(415),
                "request.unsupported_media_type"));
      }
      for (Variable variable : route.variables()) {
        String bad = sample(route.template(), variable);
        cases.add(
            new Case(
                route.method(),
                bad,
                shown + " · invalid UUID in {" + variable.name() + "}",
                route.hasBody() ? JSON_TYPE : null,
                route.hasBody() ? "{}" : null,
                token,
                // an event stream answers a client that does not accept events before routing
                route.produces().contains("text/event-stream")
                    ? Set.of(404, 406)
                    : Set.of(400, 404),
                null));
      }
      for (QueryParam query : route.queryParams()) {
        if (query.type() == String.class) {
          continue; // any text may be a valid filter; such parameters have hand-written cases
        }
        cases.add(
            new Case(
                route.method(),
                path + "?" + query.name() + "=abc",
                shown + " · " + query.name() + "=abc",
                route.hasBody() ? JSON_TYPE : null,
                route.hasBody() ? "{}" : null,
                token,
                Set.of(400),
                null));
      }
    }
    return cases;
  }

  /** A media type the route does not consume; null when it takes anything. */
  private static String unsupportedMediaType(Route route) {
    if (route.consumes().isEmpty() || route.consumes().contains("*/*")) {
      return null;
    }
    return Stream.of("text/plain", "application/xml", "application/octet-stream")
        .filter(type -> !route.consumes().contains(type))
        .findFirst()
        .orElse(null);
  }

  /**
   * The template with each variable given a value its regex accepts: a fresh UUID, or (for the one
   * variable {@code broken}) "no-es-un-uuid". A regex of alternatives uses its first non-literal
   * one, e.g. {@code brokers/[^/]+}.
   */
  private static String sample(String template, Variable broken) {
    StringBuilder out = new StringBuilder();
    for (Object part : JaxRsRoutes.parts(template)) {
      if (part instanceof String literal) {
        out.append(literal);
        continue;
      }
      Variable variable = (Variable) part;
      String value = variable.equals(broken) ? "no-es-un-uuid" : UUID.randomUUID().toString();
      String chosen = null;
      if (variable.regex() == null) {
        chosen = value;
      } else {
        for (String alternative : variable.regex().split("\\|")) {
          String prefix = alternative.replaceAll("^([A-Za-z0-9_\\-/]*).*$", "$1");
          if (!prefix.equals(alternative) && variable.pattern().matcher(prefix + value).matches()) {
            chosen = prefix + value;
            break;
          }
        }
      }
      assertThat(chosen).as("a value for " + variable + " in " + template).isNotNull();
      out.append(chosen);
    }
    return out.toString();
  }

  private static String placeholders(String template) {
    return JaxRsRoutes.parts(template).stream()
        .map(part -> part instanceof Variable v ? "{" + v.name() + "}" : (String) part)
        .collect(Collectors.joining());
  }

  private static boolean routed(List<Route> routes, String key) {
    return routes.stream()
        .anyMatch(
            r ->
                (r.method() + " " + placeholders(r.template()).replaceAll("\\{[^}]*}", "{}"))
                    .equals(key));
  }

  // ---------------------------------------------------------------- builders

  /** Malformed JSON, trailing garbage, no body, JSON null and a text/plain body. */
  private static void bodyBasics(List<Case> cases, String method, String path, String token) {
    cases.add(
        jsonCase(
            method, path, "malformed JSON", "{\"name\": ", token, 400, "request.malformed_json"));
    cases.add(
        jsonCase(
            method,
            path,
            "trailing tokens after the JSON object",
            "{\"name\":\"x\"} basura",
            token,
            400,
            "request.malformed_json"));
    cases.add(jsonCase(method, path, "empty body", "", token, 400, "request.body_missing"));
    // a record body reads null (request.body_missing), a JsonNode body a NullNode (request.invalid)
    cases.add(jsonCase(method, path, "JSON null body", "null", token, 400, null));
    cases.add(
        new Case(
            method,
            path,
            "text/plain body",
            "text/plain",
            "hola",
            token,
            Set.of(415),
            "request.unsupported_media_type"));
  }

  private static Case jsonCase(
      String method, String path, String what, String body, String token, int status, String code) {
    return new Case(method, path, what, JSON_TYPE, body, token, Set.of(status), code);
  }

  private static Case get(String path, String what, String token, int status, String code) {
    return new Case("GET", path, what, null, null, token, Set.of(status), code);
  }

  private static String registration(
      String brokerName, String name, String email, String password) {
    return "{\"brokerName\":"
        + brokerName
        + ",\"name\":"
        + name
        + ",\"email\":"
        + email
        + ",\"password\":"
        + password
        + "}";
  }

  private static String newUser(String name, String email, String role) {
    return "{\"name\":"
        + name
        + ",\"email\":"
        + email
        + ",\"role\":"
        + role
        + ",\"password\":\""
        + PASSWORD
        + "\"}";
  }

  private static String leadConfig(String coldMaxScore, String fieldPriority) {
    return "{\"fieldWeights\":{\"budget\":50,\"location\":20},\"coldMaxScore\":"
        + coldMaxScore
        + ",\"warmMaxScore\":69,\"fieldPriority\":"
        + fieldPriority
        + ",\"qualifiedIncome\":1500000,\"potentialIncome\":800000}";
  }

  private static String chatConfig(String providers, String defaultProvider, String burst) {
    return "{\"enabledProviders\":"
        + providers
        + ",\"defaultProvider\":"
        + defaultProvider
        + ",\"burstWindowSeconds\":"
        + burst
        + ",\"takeoverIdleMinutes\":60}";
  }

  private static String voiceConfig(String provider, String start, String calls, String phone) {
    return "{\"provider\":"
        + provider
        + ",\"phoneNumberId\":"
        + phone
        + ",\"callingHoursStart\":"
        + start
        + ",\"callingHoursEnd\":\"18:00\",\"maxConcurrentCalls\":"
        + calls
        + "}";
  }

  /** A JSON string literal (no escaping needed for the values used here). */
  private static String q(String text) {
    return "\"" + text + "\"";
  }

  private static String email() {
    return "nuevo." + UUID.randomUUID().toString().substring(0, 8) + "@andes.cl";
  }
}
