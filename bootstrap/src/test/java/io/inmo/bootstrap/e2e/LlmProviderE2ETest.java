package io.inmo.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.inmo.bootstrap.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.bootstrap.Inmo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7 through the running server: {@code INMO_LLM_PROVIDER=openai} with the base URL on a
 * WireMock stub of OpenAI's chat completions. One request per turn with a JSON-schema response
 * format; the stub's reply reaches the lead and its facts the lead book; when the provider fails
 * the lead is still answered (offline agent) and readiness shows the open breaker.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmProviderE2ETest {
  private static final String COMPLETIONS = "/v1/chat/completions";
  private final WireMockServer openAi = new WireMockServer(options().dynamicPort());
  private Inmo inmo;
  private Sql sql;
  private Api api;
  private URI base;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    openAi.start();
    sql = new Sql(database.dataSource());
    inmo =
        Inmo.start(
            ServerE2ETest.config(
                database,
                Map.of(
                    "INMO_REDIS_URL", redis.uri(),
                    "INMO_TRUST_PROXY", "true",
                    "INMO_JWT_SECRET", "secreto-de-firma-para-pruebas-e2e-de-proveedores",
                    "INMO_LLM_PROVIDER", "openai",
                    "INMO_LLM_MODEL", "gpt-4o-mini",
                    "INMO_LLM_API_KEY", "sk-prueba-0123456789",
                    "INMO_LLM_BASE_URL", openAi.baseUrl() + "/v1",
                    "INMO_LLM_TIMEOUT_SECONDS", "2")));
    base = URI.create("http://127.0.0.1:" + inmo.port());
    api = new Api(base);
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
    openAi.stop();
  }

  @BeforeEach
  void reset() {
    openAi.resetAll();
  }

  @Test
  void givenTheProviderAnswers_whenAVisitorWrites_thenOneSchemaRequestAndItsReplyAndFactsArrive()
      throws Exception {
    openAi.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .willReturn(
                completion(
                    "[{\"field\":\"location\",\"value\":\"Ñuñoa\",\"currency\":\"none\",\"source\":1},"
                        + "{\"field\":\"budget\",\"value\":\"4500\",\"currency\":\"uf\",\"source\":1}]",
                    "¡Hola! Soy Sofía. Anoto Ñuñoa hasta 4.500 UF. ¿Cómo te llamas?")));
    Staff broker = Staff.register(api, "Corredora Modelo Grande");
    WebChatVisitor visitor = WebChatVisitor.open(base, slug(broker));

    String reply = visitor.say("Hola, busco depto en Ñuñoa hasta 4.500 UF");

    assertThat(reply).isEqualTo("¡Hola! Soy Sofía. Anoto Ñuñoa hasta 4.500 UF. ¿Cómo te llamas?");
    openAi.verify(
        1,
        postRequestedFor(urlEqualTo(COMPLETIONS))
            .withHeader("Authorization", equalTo("Bearer sk-prueba-0123456789"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
            .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema"))));
    JsonNode lead = onlyLead(broker);
    assertThat(lead.get("facts").get("location").asText()).isEqualTo("Ñuñoa");
    assertThat(
            sql.text(
                "SELECT concat_ws('|', provider, model, purpose, attempt, tokens_in, tokens_out,"
                    + " outcome) FROM llm_calls WHERE lead_id = ?::uuid",
                lead.get("id").asText()))
        .isEqualTo("openai|gpt-4o-mini|turno_agente|1|1450|80|ok");

    // what it cost, by day and model, at the default price of gpt-4o-mini (0.15 / 0.60 USD per
    // million tokens in / out): 1,450 × 0.15 + 80 × 0.60 = 265.5 millionths of a dollar
    JsonNode usage = json(api.get("/api/v1/llm/usage", broker.token()));
    assertThat(usage.get("calls").asLong()).isEqualTo(1);
    assertThat(usage.get("tokensIn").asLong()).isEqualTo(1450);
    assertThat(usage.get("costUsd").decimalValue()).isEqualByComparingTo("0.000266");
    assertThat(usage.get("days")).hasSize(1);
    assertThat(usage.get("models").get(0).get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(usage.get("qualifiedLeads").asLong()).isZero();
    assertThat(usage.hasNonNull("costPerQualifiedLeadUsd")).isFalse();
    Staff agent = broker.agent(api, "Paula Rivas");
    Api.assertProblem(api.get("/api/v1/llm/usage", agent.token()), 403, "auth.forbidden");
    Api.assertProblem(
        api.get("/api/v1/llm/usage?from=2026-12-31&to=2026-01-01", broker.token()),
        400,
        "llm.invalid_period");
    Api.assertProblem(
        api.get("/api/v1/llm/usage?from=ayer", broker.token()), 400, "llm.invalid_period");
    // a malformed broker id in a query is the caller's mistake (it answered 500 here)
    Api.assertProblem(
        api.get("/api/v1/llm/usage?brokerId=corredora-1", broker.token()), 400, "request.invalid");
    assertThat(lead.get("facts").get("budget").get("currency").asText()).isEqualTo("UF");
  }

  @Test
  void givenTheProviderFailing_whenVisitorsWrite_thenTheyAreStillAnsweredAndReadinessShowsIt()
      throws Exception {
    openAi.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"The server had an error\"}}")));
    Staff broker = Staff.register(api, "Corredora Sin Modelo");
    String slug = slug(broker);

    // the breaker opens once at least 5 calls were made and half of them failed
    for (int i = 0; i < 6; i++) {
      String reply = WebChatVisitor.open(base, slug).say("hola, me llamo Pedro Soto");
      assertThat(reply).as("answered by the offline agent").contains("Pedro");
    }

    HttpResponse<String> ready =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve("/health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).as("a provider outage never makes Inmo unready").isEqualTo(200);
    assertThat(ready.body()).contains("llm").contains("openai:gpt-4o-mini open");
    assertThat(ready.body()).doesNotContain("sk-prueba");
    // and in the node's metrics, for the operator's scraper
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve("/health/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("inmo_llm_breaker_open{link=\"openai:gpt-4o-mini\"} 1.0")
        .containsPattern(
            "inmo_llm_calls_total\\{model=\"gpt-4o-mini\",outcome=\"server_error\","
                + "provider=\"openai\"\\} [1-9]")
        .contains("jvm_memory_used_bytes")
        .doesNotContain("sk-prueba")
        .doesNotContain(broker.brokerId());
    // the outage is in the call records: two attempts per turn until the breaker opened (after 4
    // or 5 failed turns, depending on whether the other test's success came first), none after
    assertThat(
            sql.count(
                "SELECT count(*) FROM llm_calls WHERE broker_id = ?::uuid AND outcome ="
                    + " 'server_error'",
                broker.brokerId()))
        .isIn(8L, 10L);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder completion(
      String facts, String reply) throws Exception {
    return OpenAiStubs.completion(facts, reply, 1450, 80);
  }

  private JsonNode onlyLead(Staff broker) throws Exception {
    JsonNode items = json(api.get("/api/v1/leads?channel=webchat", broker.token())).get("items");
    assertThat(items).hasSize(1);
    return json(api.get("/api/v1/leads/" + items.get(0).get("id").asText(), broker.token()));
  }

  private String slug(Staff broker) throws Exception {
    return json(api.get("/api/v1/broker", broker.token())).get("slug").asText();
  }
}
