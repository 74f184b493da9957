package io.inmo.bootstrap.e2e;

import static io.inmo.bootstrap.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.bootstrap.Inmo;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/**
 * A staff member of a broker registered through the API in an end-to-end test: the broker's first
 * ADMIN ({@link #register}) or an AGENT that ADMIN created ({@link #agent}), signed in.
 */
record Staff(String brokerId, String userId, String token, String suffix) {
  static final String PASSWORD = "Providencia-Norte-2026";

  /**
   * A server on the test's database and Redis, trusting the proxy (each {@link Api} its address).
   */
  static Inmo server(PgDatabase database, RedisEndpoint redis, String jwtSecret) {
    return Inmo.start(
        ServerE2ETest.config(
            database,
            Map.of(
                "INMO_REDIS_URL",
                redis.uri(),
                "INMO_TRUST_PROXY",
                "true",
                "INMO_JWT_SECRET",
                jwtSecret)));
  }

  /** Registers a broker named {@code brokerName} plus a random suffix; its ADMIN, signed in. */
  static Staff register(Api api, String brokerName) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> response =
        api.post(
            "/api/v1/auth/register",
            Map.of(
                "brokerName",
                brokerName + " " + suffix,
                "name",
                "Valentina Soto",
                "email",
                "valentina." + suffix + "@corredora.cl",
                "password",
                PASSWORD));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = json(response);
    return new Staff(
        body.get("user").get("brokerId").asText(),
        body.get("user").get("id").asText(),
        body.get("accessToken").asText(),
        suffix);
  }

  /** An AGENT of this staff member's broker, created by them and signed in. */
  Staff agent(Api api, String name) throws Exception {
    String email =
        name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.')
            + "."
            + UUID.randomUUID().toString().substring(0, 6)
            + "@corredora.cl";
    HttpResponse<String> created =
        api.post(
            "/api/v1/users",
            Api.JSON.writeValueAsString(
                Map.of("name", name, "email", email, "role", "AGENT", "password", PASSWORD)),
            token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> login =
        api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    return new Staff(
        brokerId,
        json(created).get("id").asText(),
        json(login).get("accessToken").asText(),
        suffix);
  }
}
