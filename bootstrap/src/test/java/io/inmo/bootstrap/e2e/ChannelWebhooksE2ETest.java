package io.inmo.bootstrap.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.inmo.bootstrap.e2e.Api.assertProblem;
import static io.inmo.bootstrap.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.bootstrap.Inmo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Telegram and WhatsApp webhooks through the whole pipeline against WireMock stubs that answer like
 * the real APIs (issue 5 "done when"): a verified update gets exactly one reply, a redelivery
 * changes nothing, a wrong secret or signature stores nothing, a WhatsApp batch is processed
 * completely and its delivery statuses reach the messages we sent.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelWebhooksE2ETest {
  private static final String BOT_TOKEN = "7123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
  private static final String TELEGRAM_SECRET = "secreto-del-webhook-de-telegram";
  private static final String PHONE_NUMBER_ID = "106540352242922";
  private static final String APP_SECRET = "secreto-de-la-app-de-meta";
  private static final String VERIFY_TOKEN = "token-de-verificacion-inmo";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private WireMockServer providers;
  private Inmo inmo;
  private Api api;
  private Sql sql;
  private URI base;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    providers = new WireMockServer(options().dynamicPort());
    providers.start();
    providers.stubFor(
        post(urlPathMatching("/bot[^/]+/sendMessage"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"ok\":true,\"result\":{\"message_id\":{{randomInt lower=1000"
                            + " upper=999999}},\"date\":1764000000,\"chat\":{\"id\":"
                            + "{{jsonPath request.body '$.chat_id'}},\"type\":\"private\"},"
                            + "\"text\":\"ok\"}}")
                    .withTransformers("response-template")));
    providers.stubFor(
        post(urlPathEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\","
                            + "\"wa_id\":\"x\"}],\"messages\":[{\"id\":\"wamid.RESPUESTA-{{randomValue"
                            + " length=8 type='ALPHANUMERIC'}}\"}]}")
                    .withTransformers("response-template")));
    sql = new Sql(database.dataSource());
    inmo =
        Inmo.start(
            ServerE2ETest.config(
                database,
                Map.of(
                    "INMO_REDIS_URL", redis.uri(),
                    "INMO_TRUST_PROXY", "true",
                    "INMO_JWT_SECRET", "secreto-de-firma-para-pruebas-e2e-de-canales",
                    "INMO_TELEGRAM_API_URL", providers.baseUrl(),
                    "INMO_WHATSAPP_API_URL", providers.baseUrl())));
    base = URI.create("http://127.0.0.1:" + inmo.port());
    api = new Api(base);
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
  void givenATelegramUpdate_whenPostedWithTheSecret_thenOneReplyAndRedeliveriesChangeNothing()
      throws Exception {
    Staff broker = Staff.register(api, "Propiedades Bellavista");
    String slug = connect(broker);
    String update = telegramUpdate(880001, 700100200L, "Hola! busco depto en Providencia");

    HttpResponse<String> stored = postTelegram(slug, TELEGRAM_SECRET, update);
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    assertThat(json(stored).get("result").asText()).isEqualTo("stored");
    List<LoggedRequest> sent = awaitRequests("/bot" + BOT_TOKEN + "/sendMessage", 700100200L, 1);
    JsonNode reply = Api.JSON.readTree(sent.getFirst().getBodyAsString());
    assertThat(reply.get("chat_id").asLong()).isEqualTo(700100200L);
    assertThat(reply.get("text").asText()).startsWith("¡Hola").contains("Sofía");

    // Telegram redelivers the same update: stored once, answered once
    assertThat(json(postTelegram(slug, TELEGRAM_SECRET, update)).get("result").asText())
        .isEqualTo("duplicate");
    Thread.sleep(3000);
    assertThat(telegramRequests(700100200L)).hasSize(1);
    String lead =
        sql.text(
            "SELECT lead_id::text FROM chat_messages WHERE provider = 'telegram'"
                + " AND provider_message_id = '880001'");
    assertThat(
            sql.count(
                "SELECT count(*) FROM chat_messages WHERE lead_id = ?::uuid AND direction ="
                    + " 'outbound' AND delivery_status = 'sent'"
                    + " AND provider_message_id LIKE '700100200:%'",
                lead))
        .isEqualTo(1);
    // the update's sender name became the lead's name
    assertThat(json(api.get("/api/v1/leads/" + lead, broker.token())).get("name").asText())
        .isEqualTo("Lucía Fernández");

    // staff take over: the AI stays silent, the staff reply reaches Telegram
    assertThat(
            api.post("/api/v1/leads/" + lead + "/conversation/takeover", "", broker.token())
                .statusCode())
        .isEqualTo(200);
    postTelegram(slug, TELEGRAM_SECRET, telegramUpdate(880002, 700100200L, "¿Siguen ahí?"));
    Thread.sleep(2500);
    assertThat(telegramRequests(700100200L)).hasSize(1);
    HttpResponse<String> staffReply =
        api.post(
            "/api/v1/leads/" + lead + "/conversation/messages",
            Api.JSON.writeValueAsString(Map.of("text", "Hola Lucía, te escribe Valentina.")),
            broker.token());
    assertThat(staffReply.statusCode()).as(staffReply.body()).isEqualTo(200);
    List<LoggedRequest> both = telegramRequests(700100200L);
    assertThat(both).hasSize(2);
    assertThat(Api.JSON.readTree(both.getLast().getBodyAsString()).get("text").asText())
        .isEqualTo("Hola Lucía, te escribe Valentina.");
  }

  @Test
  void givenBadTelegramRequests_whenPosted_thenProblemsAndNothingStored() throws Exception {
    Staff broker = Staff.register(api, "Propiedades Recoleta");
    String slug = connect(broker);
    long before = sql.count("SELECT count(*) FROM chat_messages");

    assertProblem(
        postTelegram(slug, "otro-secreto", telegramUpdate(880100, 700100300L, "Hola")),
        401,
        "telegram.bad_secret");
    assertProblem(
        postTelegram(slug, null, telegramUpdate(880101, 700100300L, "Hola")),
        401,
        "telegram.bad_secret");
    assertProblem(
        postTelegram(slug, TELEGRAM_SECRET, "{\"update_id\": "), 400, "telegram.malformed");
    assertProblem(
        postTelegram("corredora-que-no-existe", TELEGRAM_SECRET, telegramUpdate(1, 2L, "Hola")),
        404,
        "chat.channel_not_found");

    assertThat(sql.count("SELECT count(*) FROM chat_messages")).isEqualTo(before);
  }

  @Test
  void givenAWhatsAppBatchOfThree_whenSigned_thenEachLeadGetsOneReplyAndStatusesApply()
      throws Exception {
    Staff broker = Staff.register(api, "Corredora Las Condes Oriente");
    String slug = connect(broker);

    HttpResponse<String> handshake =
        send(
            "GET",
            "/webhooks/whatsapp/"
                + slug
                + "?hub.mode=subscribe&hub.verify_token="
                + VERIFY_TOKEN
                + "&hub.challenge=1158201444",
            null,
            Map.of());
    assertThat(handshake.statusCode()).isEqualTo(200);
    assertThat(handshake.body()).isEqualTo("1158201444");
    assertProblem(
        send(
            "GET",
            "/webhooks/whatsapp/"
                + slug
                + "?hub.mode=subscribe&hub.verify_token=otro&hub.challenge=1",
            null,
            Map.of()),
        403,
        "whatsapp.verification_failed");

    String batch =
        whatsappMessages(
            List.of(
                new String[] {"56911110001", "Javiera", "wamid.ENTRADA-0001", "Hola, busco casa"},
                new String[] {"56911110002", "Tomás", "wamid.ENTRADA-0002", "Quiero arrendar"},
                new String[] {"56911110003", "Inés", "wamid.ENTRADA-0003", "¿Tienen deptos?"}));
    long before = sql.count("SELECT count(*) FROM chat_messages");
    assertProblem(
        postWhatsApp(slug, batch, "sha256=" + "0".repeat(64)), 401, "whatsapp.bad_signature");
    assertProblem(postWhatsApp(slug, batch, null), 401, "whatsapp.bad_signature");
    assertThat(sql.count("SELECT count(*) FROM chat_messages")).isEqualTo(before);

    HttpResponse<String> accepted = postWhatsApp(slug, batch, sign(batch));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(json(accepted).get("stored").asInt()).isEqualTo(3);
    for (String number : List.of("56911110001", "56911110002", "56911110003")) {
      List<LoggedRequest> replies = awaitWhatsApp(number, 1);
      JsonNode body = Api.JSON.readTree(replies.getFirst().getBodyAsString());
      assertThat(body.get("messaging_product").asText()).isEqualTo("whatsapp");
      assertThat(body.get("type").asText()).isEqualTo("text");
      assertThat(body.get("text").get("body").asText()).startsWith("¡Hola").contains("Sofía");
      assertThat(replies.getFirst().getHeader("Authorization"))
          .isEqualTo("Bearer EAAJ-token-de-acceso-de-prueba");
    }
    // the leads carry their WhatsApp number as phone
    assertThat(
            sql.count(
                "SELECT count(*) FROM leads WHERE broker_id = ?::uuid AND phone IN"
                    + " ('+56911110001', '+56911110002', '+56911110003')",
                broker.brokerId()))
        .isEqualTo(3);
    // the same batch again stores nothing
    assertThat(json(postWhatsApp(slug, batch, sign(batch))).get("stored").asInt()).isZero();

    String wamid =
        sql.text(
            "SELECT provider_message_id FROM chat_messages WHERE broker_id = ?::uuid AND"
                + " direction = 'outbound' AND channel_user_id = '56911110001'",
            broker.brokerId());
    String statuses = whatsappStatus(wamid, "delivered");
    assertThat(postWhatsApp(slug, statuses, sign(statuses)).statusCode()).isEqualTo(200);
    assertThat(
            sql.text(
                "SELECT delivery_status FROM chat_messages WHERE broker_id = ?::uuid AND"
                    + " provider_message_id = ?",
                broker.brokerId(),
                wamid))
        .isEqualTo("delivered");
  }

  @Test
  void givenAWhatsAppLeadSilentFor25Hours_whenStaffWrite_thenTextRefusedAndAnApprovedTemplateSent()
      throws Exception {
    Staff broker = Staff.register(api, "Corredora Vitacura Alto");
    String slug = connect(broker);
    String batch =
        whatsappMessages(
            List.<String[]>of(
                new String[] {"56911110009", "Javiera", "wamid.ENTRADA-0901", "Hola, ¿siguen?"}));
    assertThat(postWhatsApp(slug, batch, sign(batch)).statusCode()).isEqualTo(200);
    awaitWhatsApp("56911110009", 1);
    String lead =
        sql.text(
            "SELECT lead_id::text FROM conversations WHERE broker_id = ?::uuid", broker.brokerId());
    sql.execute(
        "UPDATE conversations SET last_inbound_at = now() - interval '25 hours'"
            + " WHERE broker_id = ?::uuid",
        broker.brokerId());
    String path = "/api/v1/leads/" + lead + "/conversation/messages";

    assertProblem(
        api.post(path, "{\"text\":\"Hola Javiera, ¿seguimos?\"}", broker.token()),
        409,
        "conversation.outside_window");
    assertProblem(
        api.post(
            path,
            "{\"template\":{\"name\":\"Retomar Contacto\",\"language\":\"es\"}}",
            broker.token()),
        400,
        "conversation.invalid_template");
    assertProblem(
        api.post(
            path,
            "{\"text\":\"hola\",\"template\":{\"name\":\"retomar\",\"language\":\"es\"}}",
            broker.token()),
        400,
        "conversation.invalid_reply");

    HttpResponse<String> sent =
        api.post(
            path,
            "{\"template\":{\"name\":\"retomar_contacto\",\"language\":\"es\","
                + "\"parameters\":[\"Javiera\",\"Vitacura\"]}}",
            broker.token());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    assertThat(json(sent).get("deliveryStatus").asText()).isEqualTo("sent");
    assertThat(json(sent).get("text").asText())
        .isEqualTo("Plantilla «retomar_contacto» (es): Javiera · Vitacura");
    JsonNode body = Api.JSON.readTree(awaitWhatsApp("56911110009", 2).getLast().getBodyAsString());
    assertThat(body.get("type").asText()).isEqualTo("template");
    assertThat(body.get("template").get("name").asText()).isEqualTo("retomar_contacto");
    assertThat(body.get("template").get("language").get("code").asText()).isEqualTo("es");
    assertThat(body.get("template").get("components").get(0).get("parameters"))
        .extracting(p -> p.get("text").asText())
        .containsExactly("Javiera", "Vitacura");
  }

  // ---------------------------------------------------------------- helpers

  /** Enables Telegram and WhatsApp for the broker with the stubs' credentials; its slug. */
  private String connect(Staff broker) throws Exception {
    HttpResponse<String> put =
        api.exchange(
            "PUT",
            "/api/v1/broker/config/chat",
            Map.of(
                "enabledProviders",
                List.of("webchat", "telegram", "whatsapp"),
                "defaultProvider",
                "telegram",
                "telegram",
                Map.of("botToken", BOT_TOKEN, "webhookSecret", TELEGRAM_SECRET),
                "whatsapp",
                Map.of(
                    "phoneNumberId", PHONE_NUMBER_ID,
                    "accessToken", "EAAJ-token-de-acceso-de-prueba",
                    "appSecret", APP_SECRET,
                    "verifyToken", VERIFY_TOKEN),
                "burstWindowSeconds",
                1,
                "takeoverIdleMinutes",
                60),
            broker.token());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    return json(api.get("/api/v1/broker", broker.token())).get("slug").asText();
  }

  private static String telegramUpdate(long updateId, long chatId, String text) {
    return """
        {"update_id": %d,
         "message": {"message_id": 12, "date": 1764072000,
           "from": {"id": %d, "is_bot": false, "first_name": "Lucía", "last_name": "Fernández",
                    "language_code": "es"},
           "chat": {"id": %d, "first_name": "Lucía", "type": "private"},
           "text": "%s"}}
        """
        .formatted(updateId, chatId, chatId, text);
  }

  private static String whatsappMessages(List<String[]> messages) {
    StringBuilder contacts = new StringBuilder();
    StringBuilder items = new StringBuilder();
    for (String[] m : messages) {
      if (!contacts.isEmpty()) {
        contacts.append(',');
        items.append(',');
      }
      contacts.append("{\"profile\":{\"name\":\"%s\"},\"wa_id\":\"%s\"}".formatted(m[1], m[0]));
      items.append(
          ("{\"from\":\"%s\",\"id\":\"%s\",\"timestamp\":\"1764072000\",\"type\":\"text\","
                  + "\"text\":{\"body\":\"%s\"}}")
              .formatted(m[0], m[2], m[3]));
    }
    return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"56226543210\",\"phone_number_id\":\"%s\"},"
            + "\"contacts\":[%s],\"messages\":[%s]}}]}]}")
        .formatted(PHONE_NUMBER_ID, contacts, items);
  }

  private static String whatsappStatus(String wamid, String status) {
    return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"56226543210\",\"phone_number_id\":\"%s\"},"
            + "\"statuses\":[{\"id\":\"%s\",\"status\":\"%s\",\"timestamp\":\"1764072100\","
            + "\"recipient_id\":\"56911110001\"}]}}]}]}")
        .formatted(PHONE_NUMBER_ID, wamid, status);
  }

  private static String sign(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> postTelegram(String slug, String secret, String body)
      throws Exception {
    return send(
        "POST",
        "/webhooks/telegram/" + slug,
        body,
        secret == null ? Map.of() : Map.of("X-Telegram-Bot-Api-Secret-Token", secret));
  }

  private HttpResponse<String> postWhatsApp(String slug, String body, String signature)
      throws Exception {
    return send(
        "POST",
        "/webhooks/whatsapp/" + slug,
        body,
        signature == null ? Map.of() : Map.of("X-Hub-Signature-256", signature));
  }

  private List<LoggedRequest> telegramRequests(long chatId) {
    return providers
        .findAll(
            postRequestedFor(urlPathEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(Long.toString(chatId)))))
        .stream()
        .toList();
  }

  private List<LoggedRequest> awaitRequests(String path, long chatId, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<LoggedRequest> found = telegramRequests(chatId);
    while (found.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
      found = telegramRequests(chatId);
    }
    assertThat(found).as("requests to " + path).hasSize(count);
    return found;
  }

  private List<LoggedRequest> awaitWhatsApp(String number, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<LoggedRequest> found = List.of();
    while (System.nanoTime() < deadline) {
      found =
          providers.findAll(
              postRequestedFor(urlPathEqualTo("/v23.0/" + PHONE_NUMBER_ID + "/messages"))
                  .withRequestBody(matchingJsonPath("$.to", equalTo(number))));
      if (found.size() >= count) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(found).as("WhatsApp replies to " + number).hasSize(count);
    return found;
  }

  private HttpResponse<String> send(
      String method, String path, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
