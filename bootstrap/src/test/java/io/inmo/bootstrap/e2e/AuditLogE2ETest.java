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
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log read route over HTTP ({@code GET /api/v1/audit}): newest first with the actor's
 * name, stable cursor pages, filters by action, user and the broker's days, who may read it, input
 * errors as problems, and no secret in any summary, against a real PostgreSQL.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogE2ETest {
  private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");
  private static final String BOT_TOKEN = "7012345678:AAH-tokenSecretoDeTelegram-4821";
  private static final String WEBHOOK_SECRET = "secreto-webhook-nunoa-2026";
  private static final String WA_TOKEN = "EAAGm0PX4ZCpsBAwhatsappTokenNunoa7731";
  private static final String APP_SECRET = "app-secret-meta-nunoa-5590";
  private static final String LLM_KEY = "sk-propia-nunoa-8812";

  private Inmo inmo;
  private Api api;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
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
                    "secreto-de-firma-para-pruebas-e2e-de-auditoria",
                    "INMO_ENCRYPTION_KEY",
                    Base64.getEncoder()
                        .encodeToString("clave-aes-de-32-bytes-auditoria!".getBytes()))));
    api = new Api(URI.create("http://127.0.0.1:" + inmo.port()));
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenStaffChanges_whenTheAdminReadsTheLog_thenNewestFirstWithWhoAndWhere() throws Exception {
    Staff admin = Staff.register(api, "Propiedades Ñuñoa");
    Staff camila = admin.agent(api, "Camila Rojas");
    String lead = createLead(admin.token(), "María José Pérez", "9 8765 4321");
    HttpResponse<String> patched =
        api.exchange(
            "PATCH",
            "/api/v1/leads/" + lead,
            Map.of("tags", List.of("inversionista")),
            admin.token());
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    String own = createLead(camila.token(), "Tomás Díaz", "9 1234 5670");

    JsonNode page = json(api.get("/api/v1/audit", admin.token()));

    List<String> actions = texts(page.get("items"), "action");
    assertThat(actions.subList(0, 3)).containsExactly("lead.create", "lead.update", "lead.create");
    assertThat(actions).contains("user.create", "auth.register");
    assertThat(page.has("nextCursor")).isFalse();
    JsonNode newest = page.get("items").get(0);
    assertThat(newest.get("resourceType").asText()).isEqualTo("lead");
    assertThat(newest.get("resourceId").asText()).isEqualTo(own);
    assertThat(newest.get("userId").asText()).isEqualTo(camila.userId());
    assertThat(newest.get("userName").asText()).isEqualTo("Camila Rojas");
    assertThat(newest.get("userEmail").asText())
        .startsWith("camila.rojas.")
        .endsWith("@corredora.cl");
    assertThat(newest.get("after").get("name").asText()).isEqualTo("Tomás Díaz");
    assertThat(newest.get("ip").asText()).startsWith("10.");
    assertThat(newest.get("requestId").asText()).isNotBlank();
    assertThat(newest.get("id").asText()).isNotBlank();
    JsonNode update = page.get("items").get(1);
    assertThat(update.get("userName").asText()).isEqualTo("Valentina Soto");
    assertThat(update.get("before").get("tags")).isEmpty();
    assertThat(update.get("after").get("tags").get(0).asText()).isEqualTo("inversionista");
    List<Instant> times = texts(page.get("items"), "at").stream().map(Instant::parse).toList();
    assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void givenMoreEntriesThanAPage_whenFollowingTheCursor_thenEveryEntryOnceAndInOrder()
      throws Exception {
    Staff admin = Staff.register(api, "Corredora Providencia");
    for (int i = 0; i < 7; i++) {
      createLead(admin.token(), "Lead Providencia " + i, "9 5555 000" + i);
    }
    List<String> all =
        texts(json(api.get("/api/v1/audit?limit=200", admin.token())).get("items"), "id");

    List<String> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          json(
              api.get(
                  "/api/v1/audit?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                  admin.token()));
      assertThat(page.get("items").size()).isLessThanOrEqualTo(3);
      paged.addAll(texts(page.get("items"), "id"));
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
      pages++;
      // an entry written between pages is newer than the cursor: it never shifts the pages
      if (pages == 1) {
        createLead(admin.token(), "Lead Tardío", "9 5555 0099");
      }
    } while (cursor != null);

    assertThat(all).hasSizeGreaterThanOrEqualTo(8); // the registration and 7 leads
    assertThat(paged).doesNotHaveDuplicates().containsExactlyElementsOf(all);
    assertThat(pages).isEqualTo((all.size() + 2) / 3);
  }

  @Test
  void givenFilters_whenReading_thenOnlyThatActionUserAndDays() throws Exception {
    Staff admin = Staff.register(api, "Corredora Las Condes");
    Staff ignacio = admin.agent(api, "Ignacio Carrasco");
    createLead(admin.token(), "Benjamín Soto", "9 4444 0001");
    createLead(ignacio.token(), "Martina González", "9 4444 0002");
    createLead(ignacio.token(), "Catalina Muñoz", "9 4444 0003");
    String today = LocalDate.now(SANTIAGO).toString();
    String yesterday = LocalDate.now(SANTIAGO).minusDays(1).toString();
    String tomorrow = LocalDate.now(SANTIAGO).plusDays(1).toString();

    JsonNode creates = json(api.get("/api/v1/audit?action=lead.create", admin.token()));
    JsonNode byIgnacio = json(api.get("/api/v1/audit?userId=" + ignacio.userId(), admin.token()));
    JsonNode both =
        json(api.get("/api/v1/audit?action=lead.create&userId=" + ignacio.userId(), admin.token()));
    JsonNode thisDay = json(api.get("/api/v1/audit?from=" + today + "&to=" + today, admin.token()));
    JsonNode before = json(api.get("/api/v1/audit?to=" + yesterday, admin.token()));
    JsonNode after = json(api.get("/api/v1/audit?from=" + tomorrow, admin.token()));

    assertThat(texts(creates.get("items"), "action")).hasSize(3).containsOnly("lead.create");
    assertThat(texts(byIgnacio.get("items"), "userName"))
        .hasSize(3)
        .containsOnly("Ignacio Carrasco");
    assertThat(texts(byIgnacio.get("items"), "action"))
        .containsExactly("lead.create", "lead.create", "auth.login");
    assertThat(texts(both.get("items"), "action")).hasSize(2);
    assertThat(thisDay.get("items").size()).isGreaterThanOrEqualTo(5); // register, agent, 3 leads
    assertThat(before.get("items")).isEmpty();
    assertThat(after.get("items")).isEmpty();
  }

  @Test
  void givenRoles_whenReadingTheLog_thenAdminsOwnSuperadminNamedAndAgentRefused() throws Exception {
    Staff admin = Staff.register(api, "Corredora Vitacura");
    Staff agent = admin.agent(api, "Paula Fuentes");
    Staff neighbour = Staff.register(api, "Corredora Vecina");
    String root = superadmin();

    assertProblem(api.get("/api/v1/audit", agent.token()), 403, "auth.forbidden");
    assertProblem(
        api.get("/api/v1/audit?brokerId=" + neighbour.brokerId(), admin.token()),
        404,
        "broker.not_found");
    assertProblem(api.get("/api/v1/audit", root), 400, "audit.broker_required");
    assertProblem(
        api.get("/api/v1/audit?brokerId=" + UUID.randomUUID(), root), 404, "broker.not_found");
    assertProblem(api.get("/api/v1/audit", null), 401, "auth.missing_token");

    JsonNode own = json(api.get("/api/v1/audit?brokerId=" + admin.brokerId(), admin.token()));
    JsonNode asRoot = json(api.get("/api/v1/audit?brokerId=" + admin.brokerId(), root));

    assertThat(texts(own.get("items"), "action")).contains("user.create", "auth.register");
    assertThat(texts(asRoot.get("items"), "id")).isEqualTo(texts(own.get("items"), "id"));
    assertThat(own.toString())
        .doesNotContain(neighbour.brokerId())
        .doesNotContain(neighbour.userId());
    // the platform's read is itself audited; the broker's ADMIN sees that it happened, not who
    JsonNode after = json(api.get("/api/v1/audit", admin.token()));
    JsonNode read = after.get("items").get(0);
    assertThat(read.get("action").asText()).isEqualTo("audit.list");
    assertThat(read.get("after").get("count").asInt()).isEqualTo(own.get("items").size());
    assertThat(read.hasNonNull("userId")).isTrue();
    assertThat(read.has("userName")).isFalse();
    assertThat(read.has("userEmail")).isFalse();
    JsonNode rootView = json(api.get("/api/v1/audit?brokerId=" + admin.brokerId(), root));
    assertThat(rootView.get("items").get(0).get("userEmail").asText())
        .isEqualTo(inmo.firstAdmin().orElseThrow().email().value());
  }

  @Test
  void givenBadParameters_whenReading_thenProblemsWithStableCodes() throws Exception {
    Staff admin = Staff.register(api, "Corredora Maipú");
    String t = admin.token();
    String garbage = base64("a1|2026-01-01T00:00:00Z|no-es-un-id");

    assertProblem(api.get("/api/v1/audit?limit=0", t), 400, "audit.invalid_limit");
    assertProblem(api.get("/api/v1/audit?limit=201", t), 400, "audit.invalid_limit");
    assertProblem(api.get("/api/v1/audit?limit=cincuenta", t), 400, "audit.invalid_limit");
    assertProblem(api.get("/api/v1/audit?from=2026-13-01", t), 400, "audit.invalid_period");
    assertProblem(api.get("/api/v1/audit?to=01-03-2026", t), 400, "audit.invalid_period");
    assertProblem(
        api.get("/api/v1/audit?from=2026-03-02&to=2026-03-01", t), 400, "audit.invalid_period");
    assertProblem(api.get("/api/v1/audit?cursor=%25%25basura", t), 400, "audit.cursor_invalid");
    assertProblem(api.get("/api/v1/audit?cursor=" + garbage, t), 400, "audit.cursor_invalid");
    assertProblem(
        api.get(
            "/api/v1/audit?cursor=" + base64("n1|2026-01-01T00:00:00Z|" + UUID.randomUUID()), t),
        400,
        "audit.cursor_invalid");
    assertProblem(
        api.get("/api/v1/audit?action=" + encode("lead update; drop table"), t),
        400,
        "audit.invalid_action");
    assertProblem(api.get("/api/v1/audit?userId=camila", t), 400, "request.invalid");
    assertProblem(api.get("/api/v1/audit?brokerId=propiedades-maipu", t), 400, "request.invalid");
    // limits at the edges are fine
    assertThat(api.get("/api/v1/audit?limit=1", t).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/v1/audit?limit=200", t).statusCode()).isEqualTo(200);
  }

  @Test
  void givenChannelAndAiCredentialsChanged_whenReadingTheLog_thenTheChangeShowsButNoSecret()
      throws Exception {
    Staff admin = Staff.register(api, "Propiedades Ñuñoa Oriente");
    Map<String, Object> chat = new LinkedHashMap<>();
    chat.put("enabledProviders", List.of("webchat", "telegram", "whatsapp"));
    chat.put("defaultProvider", "whatsapp");
    chat.put("telegram", Map.of("botToken", BOT_TOKEN, "webhookSecret", WEBHOOK_SECRET));
    chat.put(
        "whatsapp",
        Map.of(
            "phoneNumberId",
            "109876543210",
            "accessToken",
            WA_TOKEN,
            "appSecret",
            APP_SECRET,
            "verifyToken",
            "verificacion-nunoa-4411"));
    chat.put("burstWindowSeconds", 3);
    chat.put("takeoverIdleMinutes", 45);
    HttpResponse<String> put =
        api.exchange("PUT", "/api/v1/broker/config/chat", chat, admin.token());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    Map<String, Object> llm = new LinkedHashMap<>();
    llm.put("provider", "openai");
    llm.put("model", "gpt-4o-mini");
    llm.put("fallbacks", List.of());
    llm.put("apiKeys", Map.of("openai", LLM_KEY));
    llm.put("monthlyBudgetUsd", 40);
    HttpResponse<String> putLlm =
        api.exchange("PUT", "/api/v1/broker/config/llm", llm, admin.token());
    assertThat(putLlm.statusCode()).as(putLlm.body()).isEqualTo(200);

    HttpResponse<String> log = api.get("/api/v1/audit?action=broker_config.update", admin.token());

    assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
    JsonNode items = json(log).get("items");
    assertThat(items.size()).isGreaterThanOrEqualTo(2);
    assertThat(texts(items, "resourceType")).contains("broker_chat_config");
    assertThat(log.body()).contains("telegram");
    for (String secret :
        List.of(BOT_TOKEN, "4821", WEBHOOK_SECRET, WA_TOKEN, "7731", APP_SECRET, LLM_KEY, "8812")) {
      assertThat(log.body()).as("the audit log shows " + secret).doesNotContain(secret);
    }
    String everything = api.get("/api/v1/audit?limit=200", admin.token()).body();
    for (String secret : List.of(BOT_TOKEN, WEBHOOK_SECRET, WA_TOKEN, APP_SECRET, LLM_KEY)) {
      assertThat(everything).doesNotContain(secret);
    }
  }

  // ---- helpers ----

  private String createLead(String token, String name, String phone) throws Exception {
    HttpResponse<String> created =
        api.post(
            "/api/v1/leads",
            Api.JSON.writeValueAsString(Map.of("name", name, "phone", phone)),
            token);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("id").asText();
  }

  private String superadmin() throws Exception {
    var platform = inmo.firstAdmin().orElseThrow();
    return json(api.post(
            "/api/v1/auth/login",
            Map.of("email", platform.email().value(), "password", platform.password())))
        .get("accessToken")
        .asText();
  }

  private static String base64(String value) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<String> texts(JsonNode items, String field) {
    List<String> out = new ArrayList<>();
    items.forEach(item -> out.add(item.path(field).asText()));
    return out;
  }
}
