package io.inmo.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.inmo.bootstrap.e2e.Api.assertProblem;
import static io.inmo.bootstrap.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Channels settings' connection test through the whole server against WireMock stubs that
 * answer like the Telegram Bot API and the WhatsApp Cloud API: a working channel, a refused token
 * and a provider that does not answer in time are all 200 answers with {@code ok} and a problem in
 * Spanish; bad requests, the wrong role and another broker are problems; no credential ever comes
 * back.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatConnectionTestE2ETest {
  private static final String PUBLIC_URL = "https://inmo.example.cl";
  private static final String GOOD_BOT = "7100000001:AAGood-bot-token-de-Propiedades_Andes";
  private static final String REVOKED_BOT = "7100000002:AARevoked-token-de-Propiedades_Sur";
  private static final String SLOW_BOT = "7100000003:AASlow-token-de-Propiedades_Norte";
  private static final String GOOD_NUMBER = "106540352242922";
  private static final String BAD_TOKEN_NUMBER = "106540352242923";
  private static final String SLOW_NUMBER = "106540352242924";
  private static final String WA_TOKEN = "EAAGm0PX4ZCpsBAJ-token-de-acceso-de-prueba-1234";

  private WireMockServer providers;
  private Inmo inmo;
  private Api api;
  private Sql sql;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    providers = new WireMockServer(options().dynamicPort());
    providers.start();
    sql = new Sql(database.dataSource());
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
                    "secreto-de-firma-para-pruebas-e2e-de-conexion",
                    "INMO_PUBLIC_URL",
                    PUBLIC_URL,
                    "INMO_CHANNEL_TEST_TIMEOUT_SECONDS",
                    "1",
                    "INMO_TELEGRAM_API_URL",
                    providers.baseUrl(),
                    "INMO_WHATSAPP_API_URL",
                    providers.baseUrl())));
    api = new Api(URI.create("http://127.0.0.1:" + inmo.port()));
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
    if (providers != null) {
      providers.stop();
    }
  }

  @Test
  void givenAWorkingBotWhoseWebhookIsInmo_whenTested_thenOkWithTheBotAndNoToken() throws Exception {
    Staff admin = Staff.register(api, "Propiedades Andes");
    String slug = slug(admin);
    String webhook = PUBLIC_URL + "/webhooks/telegram/" + slug;
    stubGetMe(GOOD_BOT, 200, me("propiedades_andes_bot"));
    providers.stubFor(
        get(urlEqualTo("/bot" + GOOD_BOT + "/getWebhookInfo"))
            .willReturn(
                stub(
                    200,
                    "{\"ok\":true,\"result\":{\"url\":\""
                        + webhook
                        + "\",\"has_custom_certificate\":false,\"pending_update_count\":0,"
                        + "\"max_connections\":40}}")));
    configure(admin, telegram(GOOD_BOT), List.of("webchat", "telegram"));

    HttpResponse<String> tested = test(admin.token(), "/api/v1/broker", "telegram");

    assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
    JsonNode report = json(tested);
    assertThat(report.get("provider").asText()).isEqualTo("telegram");
    assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
    assertThat(report.has("problem")).isFalse();
    assertThat(report.get("checkedAt").asText()).isNotBlank();
    assertThat(report.at("/details/botUsername").asText()).isEqualTo("propiedades_andes_bot");
    assertThat(report.at("/details/botId").asText()).isEqualTo("7100000001");
    assertThat(report.at("/details/webhookUrl").asText()).isEqualTo(webhook);
    assertThat(report.at("/details/webhookMatches").asBoolean()).isTrue();
    assertThat(report.at("/details/pendingUpdateCount").asInt()).isZero();
    assertThat(report.at("/details/enabled").asBoolean()).isTrue();
    assertThat(tested.body()).doesNotContain(GOOD_BOT).doesNotContain("AAGood");

    // the chat config shows where to point each provider
    JsonNode config = json(api.get("/api/v1/broker/config/chat", admin.token()));
    assertThat(config.at("/webhooks/telegram").asText()).isEqualTo(webhook);
    assertThat(config.at("/webhooks/whatsapp").asText())
        .isEqualTo(PUBLIC_URL + "/webhooks/whatsapp/" + slug);
    assertThat(config.has("webchat")).isFalse();

    String audit =
        sql.text(
            "SELECT after_summary::text FROM audit_logs WHERE broker_id = ?::uuid"
                + " AND action = 'broker_config.chat_test'",
            admin.brokerId());
    assertThat(audit).contains("telegram").contains("true").doesNotContain("AAGood");
  }

  @Test
  void givenTheWebhookElsewhere_whenTested_thenOkFalseWithTheUrlToRegister() throws Exception {
    String token = "7100000004:AAElsewhere-token-de-Propiedades_Centro";
    Staff admin = Staff.register(api, "Propiedades Centro");
    stubGetMe(token, 200, me("propiedades_centro_bot"));
    providers.stubFor(
        get(urlEqualTo("/bot" + token + "/getWebhookInfo"))
            .willReturn(
                stub(
                    200,
                    "{\"ok\":true,\"result\":{\"url\":\"https://crm-anterior.example.com/tg\","
                        + "\"has_custom_certificate\":false,\"pending_update_count\":4,"
                        + "\"last_error_date\":1767225600,\"last_error_message\":\"Connection"
                        + " refused\"}}")));
    configure(admin, telegram(token), List.of("webchat", "telegram"));

    JsonNode report = json(test(admin.token(), "/api/v1/broker", "telegram"));

    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(report.at("/problem/code").asText()).isEqualTo("telegram.webhook_mismatch");
    assertThat(report.at("/problem/message").asText())
        .contains("https://crm-anterior.example.com/tg")
        .contains(PUBLIC_URL + "/webhooks/telegram/" + slug(admin));
    assertThat(report.at("/details/webhookMatches").asBoolean()).isFalse();
    assertThat(report.at("/details/currentWebhookUrl").asText())
        .isEqualTo("https://crm-anterior.example.com/tg");
    assertThat(report.at("/details/lastErrorMessage").asText()).isEqualTo("Connection refused");
  }

  @Test
  void givenARevokedBotToken_whenTested_thenOkFalseUnauthorizedInSpanish() throws Exception {
    Staff admin = Staff.register(api, "Propiedades Sur");
    stubGetMe(
        REVOKED_BOT, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
    configure(admin, telegram(REVOKED_BOT), List.of("webchat", "telegram"));

    HttpResponse<String> tested = test(admin.token(), "/api/v1/broker", "telegram");

    assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
    JsonNode report = json(tested);
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(report.at("/problem/code").asText()).isEqualTo("telegram.unauthorized");
    assertThat(report.at("/problem/message").asText()).contains("rechazó el token del bot");
    assertThat(report.at("/details/webhookUrl").asText()).startsWith(PUBLIC_URL);
    assertThat(report.at("/details/botUsername").isMissingNode()).isTrue();
    assertThat(tested.body()).doesNotContain(REVOKED_BOT).doesNotContain("AARevoked");
  }

  @Test
  void givenTelegramDoesNotAnswerInTime_whenTested_thenOkFalseTimeout() throws Exception {
    Staff admin = Staff.register(api, "Propiedades Norte");
    providers.stubFor(
        get(urlEqualTo("/bot" + SLOW_BOT + "/getMe"))
            .willReturn(stub(200, me("lento_bot")).withFixedDelay(4_000)));
    configure(admin, telegram(SLOW_BOT), List.of("webchat", "telegram"));

    HttpResponse<String> tested = test(admin.token(), "/api/v1/broker", "telegram");

    assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
    JsonNode report = json(tested);
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(report.at("/problem/code").asText()).isEqualTo("telegram.timeout");
    assertThat(report.at("/problem/message").asText()).startsWith("Telegram no respondió en 1 s");
  }

  @Test
  void givenAWorkingWhatsAppNumber_whenTested_thenOkWithTheNumberAndNoToken() throws Exception {
    Staff admin = Staff.register(api, "Corredora Las Condes");
    providers.stubFor(
        get(urlPathEqualTo("/v23.0/" + GOOD_NUMBER))
            .withQueryParam("fields", equalTo("display_phone_number,verified_name,quality_rating"))
            .withHeader("Authorization", equalTo("Bearer " + WA_TOKEN))
            .willReturn(
                stub(
                    200,
                    "{\"display_phone_number\":\"+56 9 2345 6789\",\"verified_name\":\"Corredora"
                        + " Las Condes\",\"quality_rating\":\"GREEN\",\"id\":\""
                        + GOOD_NUMBER
                        + "\"}")));
    configure(admin, whatsapp(GOOD_NUMBER), List.of("webchat", "whatsapp"));

    HttpResponse<String> tested = test(admin.token(), "/api/v1/broker", "whatsapp");

    assertThat(tested.statusCode()).as(tested.body()).isEqualTo(200);
    JsonNode report = json(tested);
    assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
    assertThat(report.at("/details/displayPhoneNumber").asText()).isEqualTo("+56 9 2345 6789");
    assertThat(report.at("/details/verifiedName").asText()).isEqualTo("Corredora Las Condes");
    assertThat(report.at("/details/qualityRating").asText()).isEqualTo("GREEN");
    assertThat(report.at("/details/phoneNumberId").asText()).isEqualTo(GOOD_NUMBER);
    assertThat(report.at("/details/webhookUrl").asText())
        .isEqualTo(PUBLIC_URL + "/webhooks/whatsapp/" + slug(admin));
    assertThat(report.at("/details/webhookMatches").isMissingNode()).isTrue();
    assertThat(tested.body()).doesNotContain(WA_TOKEN);
  }

  @Test
  void givenARefusedWhatsAppTokenOrASlowMeta_whenTested_thenOkFalseWithTheReason()
      throws Exception {
    Staff refused = Staff.register(api, "Corredora Vitacura");
    providers.stubFor(
        get(urlPathEqualTo("/v23.0/" + BAD_TOKEN_NUMBER))
            .willReturn(
                stub(
                    401,
                    "{\"error\":{\"message\":\"Invalid OAuth access token - Cannot parse access"
                        + " token\",\"type\":\"OAuthException\",\"code\":190,"
                        + "\"fbtrace_id\":\"AXsgnV2Cm3ZMGF3dF_cfYIn\"}}")));
    configure(refused, whatsapp(BAD_TOKEN_NUMBER), List.of("webchat", "whatsapp"));
    JsonNode unauthorized = json(test(refused.token(), "/api/v1/broker", "whatsapp"));
    assertThat(unauthorized.get("ok").asBoolean()).isFalse();
    assertThat(unauthorized.at("/problem/code").asText()).isEqualTo("whatsapp.unauthorized");
    assertThat(unauthorized.at("/problem/message").asText()).contains("código 190");

    Staff slow = Staff.register(api, "Corredora Lo Barnechea");
    providers.stubFor(
        get(urlPathEqualTo("/v23.0/" + SLOW_NUMBER))
            .willReturn(stub(200, "{\"display_phone_number\":\"+56 9\"}").withFixedDelay(4_000)));
    configure(slow, whatsapp(SLOW_NUMBER), List.of("webchat", "whatsapp"));
    JsonNode timedOut = json(test(slow.token(), "/api/v1/broker", "whatsapp"));
    assertThat(timedOut.get("ok").asBoolean()).isFalse();
    assertThat(timedOut.at("/problem/code").asText()).isEqualTo("whatsapp.timeout");
  }

  @Test
  void givenNoCredentials_whenTested_thenOkFalseNotConfiguredWithoutCallingTheProvider()
      throws Exception {
    Staff admin = Staff.register(api, "Propiedades Sin Canal");
    int before = providers.findAll(anyRequestedFor(urlPathMatching(".*"))).size();

    JsonNode telegram = json(test(admin.token(), "/api/v1/broker", "telegram"));
    JsonNode whatsapp = json(test(admin.token(), "/api/v1/broker", "whatsapp"));

    assertThat(telegram.at("/problem/code").asText()).isEqualTo("telegram.not_configured");
    assertThat(telegram.at("/details/enabled").asBoolean()).isFalse();
    assertThat(whatsapp.at("/problem/code").asText()).isEqualTo("whatsapp.not_configured");
    assertThat(providers.findAll(anyRequestedFor(urlPathMatching(".*")))).hasSize(before);
  }

  @Test
  void givenBadRequests_whenTested_thenProblems() throws Exception {
    Staff admin = Staff.register(api, "Propiedades Errores");
    String path = "/api/v1/broker/config/chat/test";

    assertProblem(
        api.raw("POST", path, "application/json", null, admin.token()),
        400,
        "request.body_missing");
    assertProblem(api.post(path, "{}", admin.token()), 400, "request.invalid");
    assertProblem(api.post(path, "{\"provider\":\"sms\"}", admin.token()), 400, "request.invalid");
    assertProblem(
        api.post(path, "{\"provider\":\"telegram\"", admin.token()), 400, "request.malformed_json");
    assertProblem(
        api.post(path, "{\"provider\":\"webchat\"}", admin.token()),
        400,
        "chat.provider_not_testable");
    assertProblem(api.post(path, "{\"provider\":\"telegram\"}", null), 401, "auth.missing_token");
  }

  @Test
  void givenAnAgentAnotherBrokerAndTheSuperadmin_whenTesting_thenForbiddenNotFoundAndAllowed()
      throws Exception {
    Staff admin = Staff.register(api, "Propiedades Roles");
    Staff agent = admin.agent(api, "Ignacio Carrasco");
    Staff stranger = Staff.register(api, "Propiedades Ajenas");
    String body = "{\"provider\":\"telegram\"}";

    assertProblem(
        api.post("/api/v1/broker/config/chat/test", body, agent.token()), 403, "auth.forbidden");
    assertProblem(api.get("/api/v1/broker/config/chat", agent.token()), 403, "auth.forbidden");
    assertProblem(
        api.post(
            "/api/v1/brokers/" + admin.brokerId() + "/config/chat/test", body, stranger.token()),
        404,
        "broker.not_found");
    assertProblem(
        api.post(
            "/api/v1/brokers/0195f3a0-0000-7000-8000-00000000dead/config/chat/test",
            body,
            stranger.token()),
        404,
        "broker.not_found");

    var platform = inmo.firstAdmin().orElseThrow();
    String root =
        json(api.post(
                "/api/v1/auth/login",
                Map.of("email", platform.email().value(), "password", platform.password())))
            .get("accessToken")
            .asText();
    assertProblem(api.post("/api/v1/broker/config/chat/test", body, root), 404, "broker.not_found");
    HttpResponse<String> asRoot =
        api.post("/api/v1/brokers/" + admin.brokerId() + "/config/chat/test", body, root);
    assertThat(asRoot.statusCode()).as(asRoot.body()).isEqualTo(200);
    assertThat(json(asRoot).at("/problem/code").asText()).isEqualTo("telegram.not_configured");
    assertThat(
            json(api.get("/api/v1/brokers/" + admin.brokerId() + "/config/chat", root))
                .at("/webhooks/telegram")
                .asText())
        .endsWith("/webhooks/telegram/" + slug(admin));
  }

  @Test
  void givenManyTestsInAMinute_whenTestedAgain_thenTooManyRequests() throws Exception {
    Staff admin = Staff.register(api, "Propiedades Insistentes");
    for (int i = 0; i < 10; i++) {
      assertThat(test(admin.token(), "/api/v1/broker", "telegram").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> eleventh = test(admin.token(), "/api/v1/broker", "telegram");
    assertProblem(eleventh, 429, "chat.connection_test_throttled");
    assertThat(eleventh.headers().firstValue("Retry-After")).isPresent();
  }

  private HttpResponse<String> test(String token, String scope, String provider) throws Exception {
    return api.post(scope + "/config/chat/test", "{\"provider\":\"" + provider + "\"}", token);
  }

  private void stubGetMe(String token, int status, String body) {
    providers.stubFor(get(urlEqualTo("/bot" + token + "/getMe")).willReturn(stub(status, body)));
  }

  private static String me(String username) {
    return "{\"ok\":true,\"result\":{\"id\":"
        + "7100000001"
        + ",\"is_bot\":true,\"first_name\":\"Sofía\",\"username\":\""
        + username
        + "\",\"can_join_groups\":true,\"can_read_all_group_messages\":false,"
        + "\"supports_inline_queries\":false}}";
  }

  private static Map<String, Object> telegram(String token) {
    return Map.of("telegram", Map.of("botToken", token, "webhookSecret", "secreto-del-webhook-1"));
  }

  private static Map<String, Object> whatsapp(String phoneNumberId) {
    return Map.of(
        "whatsapp",
        Map.of(
            "phoneNumberId",
            phoneNumberId,
            "accessToken",
            WA_TOKEN,
            "appSecret",
            "secreto-de-la-app-de-meta",
            "verifyToken",
            "token-de-verificacion-inmo"));
  }

  private void configure(Staff admin, Map<String, Object> credentials, List<String> enabled)
      throws Exception {
    Map<String, Object> chat = new LinkedHashMap<>(credentials);
    chat.put("enabledProviders", enabled);
    chat.put("defaultProvider", enabled.getLast());
    chat.put("burstWindowSeconds", 2);
    chat.put("takeoverIdleMinutes", 60);
    HttpResponse<String> put =
        api.exchange("PUT", "/api/v1/broker/config/chat", chat, admin.token());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
  }

  private String slug(Staff admin) throws Exception {
    return json(api.get("/api/v1/broker", admin.token())).get("slug").asText();
  }

  private static ResponseDefinitionBuilder stub(int status, String body) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
