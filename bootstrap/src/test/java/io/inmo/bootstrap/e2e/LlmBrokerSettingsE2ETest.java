package io.inmo.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.inmo.bootstrap.e2e.Api.json;
import static io.inmo.bootstrap.e2e.OpenAiStubs.COMPLETIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.bootstrap.Inmo;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7, per broker: a brokerage's own provider chain with its own key (encrypted, write-only),
 * its monthly budget that switches it to the offline agent and notifies its admins, and the
 * platform's cost view. The server itself runs the offline agent (the embedded default).
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmBrokerSettingsE2ETest {
  private static final String KEY = "sk-andes-propia-0042";
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
                    "INMO_JWT_SECRET", "secreto-de-firma-para-pruebas-e2e-de-presupuestos",
                    "INMO_LLM_BROKER_ENDPOINTS", "true",
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
  void givenABrokersOwnChainAndBudget_whenItsCostReachesTheBudget_thenOfflineAndAdminsTold()
      throws Exception {
    // 100,000 tokens in and 1,000 out of gpt-4o-mini ≈ US$ 0.0156: one turn crosses US$ 0.01
    openAi.stubFor(
        post(urlEqualTo(COMPLETIONS))
            .willReturn(
                OpenAiStubs.completion(
                    "[{\"field\":\"location\",\"value\":\"Providencia\",\"currency\":\"none\","
                        + "\"source\":1}]",
                    "¡Hola! Soy Sofía, de Propiedades Andes. ¿Qué presupuesto tienes?",
                    100_000,
                    1_000)));
    Staff andes = Staff.register(api, "Propiedades Andes");
    Staff other = Staff.register(api, "Corredora Vecina");
    JsonNode before = json(api.get("/api/v1/broker/config/llm", andes.token()));
    assertThat(before.get("agent").asText()).isEqualTo("server");
    assertThat(before.hasNonNull("provider")).isFalse();

    HttpResponse<String> saved =
        api.exchange(
            "PUT",
            "/api/v1/broker/config/llm",
            settings(Map.of("openai", KEY), "0.01"),
            andes.token());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(saved.body()).doesNotContain(KEY);
    JsonNode config = json(saved);
    assertThat(config.get("agent").asText()).isEqualTo("broker");
    assertThat(config.at("/apiKeys/openai").asText()).isEqualTo("••••0042");
    assertThat(config.get("monthlyBudgetUsd").decimalValue()).isEqualByComparingTo("0.01");
    assertThat(
            sql.text(
                "SELECT provider_credentials::text FROM broker_llm_configs"
                    + " WHERE broker_id = ?::uuid",
                andes.brokerId()))
        .as("stored encrypted")
        .contains("openai.api_key")
        .doesNotContain(KEY);

    // the broker's chain answers with the broker's key
    String first = WebChatVisitor.open(base, slug(andes)).say("Hola, busco depto en Providencia");
    assertThat(first).isEqualTo("¡Hola! Soy Sofía, de Propiedades Andes. ¿Qué presupuesto tienes?");
    openAi.verify(
        1,
        postRequestedFor(urlEqualTo(COMPLETIONS))
            .withHeader("Authorization", equalTo("Bearer " + KEY)));

    // that turn crossed the budget: the next one is the offline agent's, no provider call
    String second = WebChatVisitor.open(base, slug(andes)).say("hola, me llamo Pedro Soto");
    assertThat(second).contains("Pedro");
    openAi.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)));
    JsonNode inbox = json(api.get("/api/v1/notifications", andes.token())).get("items");
    assertThat(inbox.findValuesAsText("kind")).containsOnlyOnce("llm_budget_reached");
    assertThat(inbox.toString()).contains("US$ 0,01");
    JsonNode budget = json(api.get("/api/v1/llm/usage", andes.token())).get("budget");
    assertThat(budget.get("reached").asBoolean()).isTrue();
    assertThat(budget.get("spentUsd").decimalValue()).isEqualByComparingTo("0.0156");
    assertThat(budget.hasNonNull("reachedAt")).isTrue();

    // another broker is untouched: the server's (offline) chain, no budget
    String neighbour = WebChatVisitor.open(base, slug(other)).say("hola, me llamo Ana Díaz");
    assertThat(neighbour).contains("Ana");
    openAi.verify(1, postRequestedFor(urlEqualTo(COMPLETIONS)));
    assertThat(json(api.get("/api/v1/notifications", other.token())).get("items")).isEmpty();

    // raising the budget brings the broker's chain back, without notifying again
    HttpResponse<String> raised =
        api.exchange(
            "PUT",
            "/api/v1/broker/config/llm",
            settings(Map.of("openai", "••••0042"), "25"),
            andes.token());
    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
    String third = WebChatVisitor.open(base, slug(andes)).say("Hola, busco casa en Ñuñoa");
    assertThat(third).startsWith("¡Hola! Soy Sofía");
    openAi.verify(
        2,
        postRequestedFor(urlEqualTo(COMPLETIONS))
            .withHeader("Authorization", equalTo("Bearer " + KEY)));
    assertThat(
            json(api.get("/api/v1/notifications", andes.token()))
                .get("items")
                .findValuesAsText("kind"))
        .containsOnlyOnce("llm_budget_reached");

    // the platform sees every broker's cost; a broker admin does not
    var platform = inmo.firstAdmin().orElseThrow();
    String root =
        json(api.post(
                "/api/v1/auth/login",
                Map.of("email", platform.email().value(), "password", platform.password())))
            .get("accessToken")
            .asText();
    JsonNode all = json(api.get("/api/v1/llm/usage/brokers", root));
    assertThat(all.get("brokers").get(0).get("brokerId").asText()).isEqualTo(andes.brokerId());
    assertThat(all.get("brokers").get(0).get("calls").asLong()).isEqualTo(2);
    assertThat(all.get("costUsd").decimalValue()).isEqualByComparingTo("0.0312");
    Api.assertProblem(api.get("/api/v1/llm/usage/brokers", andes.token()), 403, "auth.forbidden");
    JsonNode andesAsRoot =
        json(api.get("/api/v1/brokers/" + andes.brokerId() + "/config/llm", root));
    assertThat(andesAsRoot.at("/apiKeys/openai").asText()).isEqualTo("••••0042");
  }

  @Test
  void givenBadOrForbiddenSettings_whenSaved_thenClearProblemsAndNothingChanges() throws Exception {
    Staff broker = Staff.register(api, "Corredora Prudente");
    Staff agent = broker.agent(api, "Paula Rivas");

    Api.assertProblem(api.get("/api/v1/broker/config/llm", agent.token()), 403, "auth.forbidden");
    Api.assertProblem(
        api.exchange(
            "PUT",
            "/api/v1/broker/config/llm",
            settings(Map.of("openai", KEY), "10"),
            agent.token()),
        403,
        "auth.forbidden");
    Map<String, Object> withoutKey = settings(Map.of(), "10");
    Api.assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/llm", withoutKey, broker.token()),
        400,
        "broker.llm_credentials_missing");
    Map<String, Object> unknown = settings(Map.of("openai", KEY), "10");
    unknown.put("provider", "mistral");
    Api.assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/llm", unknown, broker.token()),
        400,
        "broker.invalid_llm_config");
    Map<String, Object> cents = settings(Map.of("openai", KEY), "10.005");
    Api.assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/llm", cents, broker.token()),
        400,
        "broker.invalid_llm_config");
    Map<String, Object> urlWithKey = settings(Map.of("openai", KEY), "10");
    urlWithKey.put("baseUrl", "https://llm.andes.cl/v1?key=secreta");
    Api.assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/llm", urlWithKey, broker.token()),
        400,
        "broker.invalid_llm_config");

    assertThat(
            sql.count(
                "SELECT count(*) FROM broker_llm_configs WHERE broker_id = ?::uuid",
                broker.brokerId()))
        .isZero();
    assertThat(json(api.get("/api/v1/broker/config/llm", broker.token())).get("agent").asText())
        .isEqualTo("server");

    // the offline agent only, by choice
    Map<String, Object> offline = new LinkedHashMap<>();
    offline.put("provider", "offline");
    HttpResponse<String> chosen =
        api.exchange("PUT", "/api/v1/broker/config/llm", offline, broker.token());
    assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
    assertThat(json(chosen).get("agent").asText()).isEqualTo("offline");
  }

  private Map<String, Object> settings(Map<String, String> keys, String budget) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("provider", "openai");
    body.put("model", "gpt-4o-mini");
    body.put("baseUrl", openAi.baseUrl() + "/v1");
    body.put("fallbacks", List.of());
    body.put("apiKeys", keys);
    body.put("monthlyBudgetUsd", new java.math.BigDecimal(budget));
    return body;
  }

  private String slug(Staff broker) throws Exception {
    return json(api.get("/api/v1/broker", broker.token())).get("slug").asText();
  }
}
