package io.inmo.bootstrap.e2e;

import static io.inmo.bootstrap.e2e.Api.assertProblem;
import static io.inmo.bootstrap.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.adapters.rest.auth.Password4jPasswordHashing;
import io.inmo.bootstrap.Inmo;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashMap;
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
 * The broker and its four configs over HTTP, against a real PostgreSQL and Redis: round trips,
 * validation as 400 problems, roles and tenancy, masked write-only credentials encrypted at rest,
 * and the SUPERADMIN's broker administration.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerConfigE2ETest {
  private static final String PASSWORD = "Providencia-Sur-2026";
  private static final String BOT_TOKEN = "7012345678:AAH-tokenSecretoDeTelegram-9876";
  private static final String WA_TOKEN = "EAAGm0PX4ZCpsBAwhatsappAccessToken5544";
  private static final String VAPI_KEY = "vapi-sk-llave-privada-de-prueba-3141";

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
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  // ---- broker ----

  @Test
  void givenAdmin_whenBrokerReadAndPatched_thenChangesPersistAndAreAudited() throws Exception {
    Api api = new Api(base);
    Session admin = register(api, "Propiedades Las Condes " + suffix());

    JsonNode broker = json(api.get("/api/v1/broker", admin.token));
    assertThat(broker.get("id").asText()).isEqualTo(admin.brokerId);
    assertThat(broker.get("slug").asText()).startsWith("propiedades-las-condes");
    assertThat(broker.get("timezone").asText()).isEqualTo("America/Santiago");
    assertThat(broker.get("active").asBoolean()).isTrue();
    assertThat(broker.at("/businessHours/monday/0/start").asText()).isEqualTo("09:00");
    assertThat(broker.at("/businessHours/sunday").size()).isZero();

    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("name", "Propiedades Las Condes y Vitacura");
    patch.put("phone", "+56 2 2345 6789");
    patch.put("email", "Contacto@LasCondesPropiedades.cl");
    patch.put("timezone", "America/Punta_Arenas");
    patch.put(
        "businessHours",
        Map.of(
            "monday", List.of(range("09:00", "13:30"), range("15:00", "19:00")),
            "saturday", List.of(range("10:00", "14:00"))));
    HttpResponse<String> patched = api.exchange("PATCH", "/api/v1/broker", patch, admin.token);

    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    JsonNode after = json(api.get("/api/v1/broker", admin.token));
    assertThat(after.get("name").asText()).isEqualTo("Propiedades Las Condes y Vitacura");
    assertThat(after.get("slug").asText()).isEqualTo(broker.get("slug").asText());
    assertThat(after.get("phone").asText()).isEqualTo("+56223456789");
    assertThat(after.get("email").asText()).isEqualTo("contacto@lascondespropiedades.cl");
    assertThat(after.get("timezone").asText()).isEqualTo("America/Punta_Arenas");
    assertThat(after.at("/businessHours/monday").size()).isEqualTo(2);
    assertThat(after.at("/businessHours/monday/1/start").asText()).isEqualTo("15:00");
    assertThat(after.at("/businessHours/tuesday").size()).isZero();
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE action = 'broker.update' AND broker_id ="
                    + " ?::uuid AND before_summary->>'timezone' = 'America/Santiago'",
                admin.brokerId))
        .isEqualTo(1);

    Map<String, Object> clear = new HashMap<>();
    clear.put("phone", null);
    JsonNode cleared = json(api.exchange("PATCH", "/api/v1/broker", clear, admin.token));
    assertThat(absent(cleared.get("phone"))).isTrue();
    assertThat(cleared.get("email").asText()).isEqualTo("contacto@lascondespropiedades.cl");
    assertThat(cleared.get("timezone").asText()).isEqualTo("America/Punta_Arenas");
  }

  @Test
  void givenBadBrokerValues_whenPatched_thenBadRequestWithCodeAndNothingChanges() throws Exception {
    Api api = new Api(base);
    Session admin = register(api, "Corredora Ñuñoa " + suffix());

    assertProblem(
        api.exchange(
            "PATCH", "/api/v1/broker", Map.of("timezone", "America/Springfield"), admin.token),
        400,
        "broker.invalid_timezone");
    assertProblem(
        api.exchange("PATCH", "/api/v1/broker", Map.of("timezone", "-04:00"), admin.token),
        400,
        "broker.invalid_timezone");
    assertProblem(
        api.exchange(
            "PATCH",
            "/api/v1/broker",
            Map.of(
                "businessHours",
                Map.of("monday", List.of(range("09:00", "14:00"), range("13:00", "18:00")))),
            admin.token),
        400,
        "broker.invalid_business_hours");
    assertProblem(
        api.exchange(
            "PATCH",
            "/api/v1/broker",
            Map.of("businessHours", Map.of("lunes", List.of(range("09:00", "18:00")))),
            admin.token),
        400,
        "broker.invalid_business_hours");
    assertProblem(
        api.exchange(
            "PATCH",
            "/api/v1/broker",
            Map.of("businessHours", Map.of("friday", List.of(range("25:00", "26:00")))),
            admin.token),
        400,
        "broker.invalid_business_hours");
    assertProblem(
        api.exchange(
            "PATCH",
            "/api/v1/broker",
            Map.of("businessHours", Map.of("friday", List.of(range("18:00", "09:00")))),
            admin.token),
        400,
        "broker.invalid_business_hours");
    assertProblem(
        api.exchange("PATCH", "/api/v1/broker", "{\"businessHours\":\"9 a 18\"}", admin.token),
        400,
        "request.invalid");
    assertProblem(
        api.exchange("PATCH", "/api/v1/broker", Map.of("name", "  "), admin.token),
        400,
        "broker.invalid_name");
    assertProblem(
        api.exchange("PATCH", "/api/v1/broker", Map.of("email", "ventas@"), admin.token),
        400,
        "broker.invalid_email");
    assertProblem(
        api.exchange("PATCH", "/api/v1/broker", Map.of("phone", "22345"), admin.token),
        400,
        "broker.invalid_phone");

    JsonNode broker = json(api.get("/api/v1/broker", admin.token));
    assertThat(broker.get("timezone").asText()).isEqualTo("America/Santiago");
    assertThat(broker.at("/businessHours/monday/0/end").asText()).isEqualTo("19:00");
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE action = 'broker.update' AND broker_id ="
                    + " ?::uuid",
                admin.brokerId))
        .isZero();
  }

  // ---- configs ----

  @Test
  void givenAdmin_whenPromptConfigReplaced_thenRoundTrips() throws Exception {
    Api api = new Api(base);
    Session admin = register(api, "Inmobiliaria Providencia " + suffix());

    JsonNode defaults = json(api.get("/api/v1/broker/config/prompt", admin.token));
    assertThat(defaults.get("agentName").asText()).isEqualTo("Sofía");
    assertThat(defaults.get("language").asText()).isEqualTo("es-CL");
    assertThat(defaults.get("enableAppointmentBooking").asBoolean()).isTrue();

    Map<String, Object> prompt = new LinkedHashMap<>();
    prompt.put("agentName", "Catalina");
    prompt.put("identityPrompt", "Eres Catalina, ejecutiva de Inmobiliaria Providencia.");
    prompt.put("businessContext", "Vendemos y arrendamos departamentos en Providencia y Ñuñoa.");
    prompt.put("agentRules", "Nunca prometas tasas de crédito hipotecario.");
    prompt.put("language", "es-CL");
    prompt.put("enableAppointmentBooking", false);
    HttpResponse<String> put =
        api.exchange("PUT", "/api/v1/broker/config/prompt", prompt, admin.token);

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode read = json(api.get("/api/v1/broker/config/prompt", admin.token));
    assertThat(read.get("agentName").asText()).isEqualTo("Catalina");
    assertThat(read.get("businessContext").asText()).contains("Ñuñoa");
    assertThat(read.get("enableAppointmentBooking").asBoolean()).isFalse();
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE action = 'broker_config.update' AND"
                    + " resource_type = 'broker_prompt_config' AND broker_id = ?::uuid",
                admin.brokerId))
        .isEqualTo(1);

    assertProblem(
        api.exchange(
            "PUT",
            "/api/v1/broker/config/prompt",
            Map.of(
                "agentName", "Catalina", "enableAppointmentBooking", true, "language", "chileno!"),
            admin.token),
        400,
        "broker.invalid_prompt_config");
    assertProblem(
        api.exchange(
            "PUT", "/api/v1/broker/config/prompt", Map.of("agentName", "Catalina"), admin.token),
        400,
        "request.invalid");
  }

  @Test
  void givenAdmin_whenLeadConfigReplaced_thenRoundTripsAndBadValuesAreRejected() throws Exception {
    Api api = new Api(base);
    Session admin = register(api, "Corredora Maipú " + suffix());

    JsonNode defaults = json(api.get("/api/v1/broker/config/lead", admin.token));
    assertThat(defaults.get("coldMaxScore").asInt()).isEqualTo(30);
    assertThat(defaults.get("hotMinScore").asInt()).isEqualTo(70);
    assertThat(defaults.at("/fieldWeights/budget").asInt()).isEqualTo(20);
    assertThat(defaults.get("fieldPriority").get(0).asText()).isEqualTo("name");

    Map<String, Object> lead = lead(25, 64);
    HttpResponse<String> put = api.exchange("PUT", "/api/v1/broker/config/lead", lead, admin.token);

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode read = json(api.get("/api/v1/broker/config/lead", admin.token));
    assertThat(read.get("coldMaxScore").asInt()).isEqualTo(25);
    assertThat(read.get("warmMaxScore").asInt()).isEqualTo(64);
    assertThat(read.get("hotMinScore").asInt()).isEqualTo(65);
    assertThat(read.at("/fieldWeights/monthly_income").asInt()).isEqualTo(30);
    assertThat(read.get("fieldPriority").toString())
        .isEqualTo("[\"location\",\"budget\",\"monthly_income\",\"dicom_status\"]");
    assertThat(read.get("requiredProfileFields").toString())
        .isEqualTo("[[\"phone\"],[\"location\"]]");
    assertThat(read.get("qualifiedIncome").asLong()).isEqualTo(1_500_000L);
    assertThat(read.get("hotAlertScore").asInt()).isEqualTo(80);
    assertThat(read.get("agentsSeeUnassigned").asBoolean()).isFalse();

    Map<String, Object> outOfOrder = lead(60, 40);
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/lead", outOfOrder, admin.token),
        400,
        "broker.invalid_thresholds");
    Map<String, Object> wrongHot = lead(25, 64);
    wrongHot.put("hotMinScore", 70);
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/lead", wrongHot, admin.token),
        400,
        "broker.invalid_thresholds");
    Map<String, Object> unknownField = lead(25, 64);
    unknownField.put("fieldPriority", List.of("location", "signo_zodiacal"));
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/lead", unknownField, admin.token),
        400,
        "broker.invalid_lead_field");
    Map<String, Object> repeated = lead(25, 64);
    repeated.put("fieldPriority", List.of("location", "budget", "location"));
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/lead", repeated, admin.token),
        400,
        "broker.invalid_lead_config");
    Map<String, Object> heavy = lead(25, 64);
    heavy.put("fieldWeights", Map.of("budget", 150));
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/lead", heavy, admin.token),
        400,
        "broker.invalid_lead_config");
    Map<String, Object> incomes = lead(25, 64);
    incomes.put("potentialIncome", 2_000_000);
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/lead", incomes, admin.token),
        400,
        "broker.invalid_lead_config");
    Map<String, Object> missing = lead(25, 64);
    missing.remove("coldMaxScore");
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/lead", missing, admin.token),
        400,
        "request.invalid");
    assertProblem(
        api.exchange(
            "PUT", "/api/v1/broker/config/lead", "{\"coldMaxScore\":\"frío\"}", admin.token),
        400,
        "request.invalid_json");

    assertThat(json(api.get("/api/v1/broker/config/lead", admin.token)).get("coldMaxScore").asInt())
        .isEqualTo(25);
  }

  @Test
  void givenChatCredentials_whenWrittenAndRead_thenMaskedEncryptedAndWriteOnly() throws Exception {
    Api api = new Api(base);
    Session admin = register(api, "Propiedades Viña del Mar " + suffix());

    JsonNode defaults = json(api.get("/api/v1/broker/config/chat", admin.token));
    assertThat(defaults.get("enabledProviders").toString()).isEqualTo("[\"webchat\"]");
    assertThat(absent(defaults.at("/telegram/botToken"))).isTrue();

    Map<String, Object> chat = new LinkedHashMap<>();
    chat.put("enabledProviders", List.of("webchat", "telegram", "whatsapp"));
    chat.put("defaultProvider", "whatsapp");
    chat.put(
        "telegram", Map.of("botToken", BOT_TOKEN, "webhookSecret", "secreto-webhook-vina-2026"));
    chat.put(
        "whatsapp",
        Map.of(
            "phoneNumberId", "109876543210",
            "accessToken", WA_TOKEN,
            "appSecret", "app-secret-meta-valparaiso",
            "verifyToken", "verificacion-vina-4411"));
    chat.put("burstWindowSeconds", 3);
    chat.put("takeoverIdleMinutes", 45);
    HttpResponse<String> put = api.exchange("PUT", "/api/v1/broker/config/chat", chat, admin.token);

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(put.body()).doesNotContain(BOT_TOKEN).doesNotContain(WA_TOKEN);
    JsonNode read = json(api.get("/api/v1/broker/config/chat", admin.token));
    assertThat(read.toString()).doesNotContain(BOT_TOKEN).doesNotContain(WA_TOKEN);
    assertThat(read.at("/telegram/botToken").asText()).isEqualTo("••••9876");
    assertThat(read.at("/whatsapp/accessToken").asText()).isEqualTo("••••5544");
    assertThat(read.at("/whatsapp/phoneNumberId").asText()).isEqualTo("109876543210");
    assertThat(read.get("defaultProvider").asText()).isEqualTo("whatsapp");
    assertThat(read.get("burstWindowSeconds").asInt()).isEqualTo(3);
    String stored =
        sql.text(
            "SELECT provider_credentials::text FROM broker_chat_configs WHERE broker_id = ?::uuid",
            admin.brokerId);
    assertThat(stored).contains("enc:v1:").doesNotContain(BOT_TOKEN).doesNotContain(WA_TOKEN);
    assertThat(
            sql.text(
                "SELECT provider_credentials->>'telegram.bot_token' FROM broker_chat_configs"
                    + " WHERE broker_id = ?::uuid",
                admin.brokerId))
        .startsWith("enc:v1:");
    String audit =
        sql.text(
            "SELECT string_agg(coalesce(before_summary::text, '') || after_summary::text, ' ')"
                + " FROM audit_logs WHERE broker_id = ?::uuid AND action = 'broker_config.update'",
            admin.brokerId);
    assertThat(audit)
        .contains("telegram.bot_token")
        .doesNotContain(BOT_TOKEN)
        .doesNotContain("9876");

    // omitted telegram, masked accessToken sent back, appSecret cleared, verifyToken replaced
    Map<String, Object> again = new LinkedHashMap<>(chat);
    again.remove("telegram");
    Map<String, Object> whatsapp = new HashMap<>();
    whatsapp.put("accessToken", "••••5544");
    whatsapp.put("appSecret", null);
    whatsapp.put("verifyToken", "nueva-verificacion-7788");
    again.put("whatsapp", whatsapp);
    HttpResponse<String> second =
        api.exchange("PUT", "/api/v1/broker/config/chat", again, admin.token);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    JsonNode kept = json(second);
    assertThat(kept.at("/telegram/botToken").asText()).isEqualTo("••••9876");
    assertThat(kept.at("/telegram/webhookSecret").asText()).isEqualTo("••••2026");
    assertThat(kept.at("/whatsapp/accessToken").asText()).isEqualTo("••••5544");
    assertThat(absent(kept.at("/whatsapp/appSecret"))).isTrue();
    assertThat(kept.at("/whatsapp/verifyToken").asText()).isEqualTo("••••7788");
    assertThat(kept.at("/whatsapp/phoneNumberId").asText()).isEqualTo("109876543210");

    // clearing the bot token while telegram stays enabled is refused
    Map<String, Object> clearToken = new LinkedHashMap<>(again);
    clearToken.remove("whatsapp");
    clearToken.put("telegram", Map.of("botToken", ""));
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/chat", clearToken, admin.token),
        400,
        "broker.chat_credentials_missing");
    // … but works once telegram is switched off
    clearToken.put("enabledProviders", List.of("webchat", "whatsapp"));
    JsonNode cleared =
        json(api.exchange("PUT", "/api/v1/broker/config/chat", clearToken, admin.token));
    assertThat(absent(cleared.at("/telegram/botToken"))).as(cleared.toString()).isTrue();
    assertThat(
            sql.text(
                "SELECT provider_credentials::text FROM broker_chat_configs WHERE broker_id = ?::uuid",
                admin.brokerId))
        .doesNotContain("telegram.bot_token");

    Map<String, Object> unknown = new LinkedHashMap<>(chat);
    unknown.put("enabledProviders", List.of("webchat", "signal"));
    unknown.put("defaultProvider", "webchat");
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/chat", unknown, admin.token),
        400,
        "broker.invalid_chat_config");
    Map<String, Object> notEnabled = new LinkedHashMap<>(chat);
    notEnabled.put("enabledProviders", List.of("webchat"));
    notEnabled.put("defaultProvider", "telegram");
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/chat", notEnabled, admin.token),
        400,
        "broker.invalid_chat_config");
    Map<String, Object> burst = new LinkedHashMap<>(chat);
    burst.put("burstWindowSeconds", 90);
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/chat", burst, admin.token),
        400,
        "broker.invalid_chat_config");
    Map<String, Object> badKey = new LinkedHashMap<>(chat);
    badKey.put("telegram", Map.of("token", "x"));
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/chat", badKey, admin.token),
        400,
        "request.invalid");
  }

  @Test
  void givenVoiceConfig_whenReplaced_thenRoundTripsMaskedAndValidated() throws Exception {
    Api api = new Api(base);
    Session admin = register(api, "Corredora Temuco " + suffix());

    JsonNode defaults = json(api.get("/api/v1/broker/config/voice", admin.token));
    assertThat(absent(defaults.get("provider"))).isTrue();
    assertThat(defaults.get("callingHoursStart").asText()).isEqualTo("09:00");

    Map<String, Object> voice = voice("vapi", "09:30", "19:30");
    HttpResponse<String> put =
        api.exchange("PUT", "/api/v1/broker/config/voice", voice, admin.token);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    JsonNode read = json(api.get("/api/v1/broker/config/voice", admin.token));
    assertThat(read.toString()).doesNotContain(VAPI_KEY);
    assertThat(read.get("provider").asText()).isEqualTo("vapi");
    assertThat(read.at("/providerCredentials/apiKey").asText()).isEqualTo("••••3141");
    assertThat(read.get("phoneNumberId").asText()).isEqualTo("pn-temuco-001");
    assertThat(read.get("callingHoursEnd").asText()).isEqualTo("19:30");
    assertThat(read.get("maxConcurrentCalls").asInt()).isEqualTo(3);
    assertThat(read.get("configured").asBoolean()).isTrue();
    assertThat(
            sql.text(
                "SELECT provider_credentials::text FROM broker_voice_configs WHERE broker_id ="
                    + " ?::uuid",
                admin.brokerId))
        .contains("enc:v1:")
        .doesNotContain(VAPI_KEY);

    Map<String, Object> keep = voice("vapi", "09:30", "19:30");
    keep.remove("providerCredentials");
    JsonNode kept = json(api.exchange("PUT", "/api/v1/broker/config/voice", keep, admin.token));
    assertThat(kept.at("/providerCredentials/apiKey").asText()).isEqualTo("••••3141");

    assertProblem(
        api.exchange(
            "PUT", "/api/v1/broker/config/voice", voice("twilio", "09:00", "18:00"), admin.token),
        400,
        "broker.invalid_voice_config");
    assertProblem(
        api.exchange(
            "PUT", "/api/v1/broker/config/voice", voice("bland", "20:00", "09:00"), admin.token),
        400,
        "broker.invalid_voice_config");
    assertProblem(
        api.exchange(
            "PUT", "/api/v1/broker/config/voice", voice("bland", "9am", "18:00"), admin.token),
        400,
        "broker.invalid_voice_config");
    Map<String, Object> zero = voice("bland", "09:00", "18:00");
    zero.put("maxConcurrentCalls", 0);
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/voice", zero, admin.token),
        400,
        "broker.invalid_voice_config");
  }

  // ---- roles and tenancy ----

  @Test
  void givenAgent_whenReadingAndWriting_thenBrokerAndPlainConfigsOnly() throws Exception {
    Api api = new Api(base);
    Session admin = register(api, "Propiedades Concepción " + suffix());
    String agentEmail = "matias.rojas." + suffix() + "@concepcionprop.cl";
    sql.execute(
        "INSERT INTO users (id, email, hashed_password, name, role, broker_id) VALUES (?::uuid, ?,"
            + " ?, 'Matías Rojas', 'AGENT', ?::uuid)",
        UUID.randomUUID().toString(),
        agentEmail,
        new Password4jPasswordHashing().hash(PASSWORD),
        admin.brokerId);
    String agent = login(api, agentEmail, PASSWORD);

    assertThat(api.get("/api/v1/broker", agent).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/v1/broker/config/prompt", agent).statusCode()).isEqualTo(200);
    assertThat(api.get("/api/v1/broker/config/lead", agent).statusCode()).isEqualTo(200);
    assertProblem(api.get("/api/v1/broker/config/chat", agent), 403, "auth.forbidden");
    assertProblem(api.get("/api/v1/broker/config/voice", agent), 403, "auth.forbidden");
    assertProblem(
        api.exchange("PATCH", "/api/v1/broker", Map.of("name", "Tomado"), agent),
        403,
        "auth.forbidden");
    assertProblem(
        api.exchange(
            "PUT",
            "/api/v1/broker/config/prompt",
            Map.of("agentName", "Pirata", "enableAppointmentBooking", true),
            agent),
        403,
        "auth.forbidden");
    assertProblem(api.get("/api/v1/admin/brokers", agent), 403, "auth.forbidden");
    assertThat(json(api.get("/api/v1/broker", admin.token)).get("name").asText())
        .startsWith("Propiedades Concepción");
  }

  @Test
  void givenOtherTenantsBroker_whenAddressedById_thenNotFound() throws Exception {
    Api api = new Api(base);
    Session mine = register(api, "Corredora Antofagasta " + suffix());
    Session theirs = register(api.fromAnotherAddress(), "Corredora Iquique " + suffix());

    assertThat(api.get("/api/v1/brokers/" + mine.brokerId, mine.token).statusCode()).isEqualTo(200);
    assertThat(
            api.get("/api/v1/brokers/" + mine.brokerId + "/config/chat", mine.token).statusCode())
        .isEqualTo(200);
    assertProblem(
        api.get("/api/v1/brokers/" + theirs.brokerId, mine.token), 404, "broker.not_found");
    assertProblem(
        api.get("/api/v1/brokers/" + theirs.brokerId + "/config/chat", mine.token),
        404,
        "broker.not_found");
    assertProblem(
        api.exchange(
            "PATCH", "/api/v1/brokers/" + theirs.brokerId, Map.of("name", "Tomada"), mine.token),
        404,
        "broker.not_found");
    assertProblem(
        api.exchange(
            "PUT",
            "/api/v1/brokers/" + theirs.brokerId + "/config/prompt",
            Map.of("agentName", "Intrusa", "enableAppointmentBooking", true),
            mine.token),
        404,
        "broker.not_found");
    assertProblem(
        api.get("/api/v1/brokers/" + UUID.randomUUID(), mine.token), 404, "broker.not_found");
    assertThat(api.get("/api/v1/brokers/no-es-un-uuid", mine.token).statusCode()).isEqualTo(404);
    assertThat(api.get("/api/v1/broker", null).statusCode()).isEqualTo(401);
    assertThat(json(api.get("/api/v1/broker", theirs.token)).get("name").asText())
        .startsWith("Corredora Iquique");
  }

  // ---- SUPERADMIN ----

  @Test
  void givenSuperadmin_whenManagingBrokers_thenListCreateConfigureDeactivateActivate()
      throws Exception {
    Api api = new Api(base);
    Session tenant = register(api, "Propiedades Puerto Montt " + suffix());
    var platform = inmo.firstAdmin().orElseThrow();
    String root = login(api, platform.email().value(), platform.password());

    assertProblem(api.get("/api/v1/admin/brokers", tenant.token), 403, "auth.forbidden");
    assertProblem(api.get("/api/v1/broker", root), 404, "broker.not_found");

    JsonNode page = json(api.get("/api/v1/admin/brokers?limit=200", root));
    assertThat(page.get("total").asLong()).isEqualTo(sql.count("SELECT count(*) FROM brokers"));
    assertThat(page.get("items").findValuesAsText("id")).contains(tenant.brokerId);
    assertProblem(api.get("/api/v1/admin/brokers?limit=500", root), 400, "request.invalid_limit");

    String name = "Corredora Los Andes " + suffix();
    HttpResponse<String> created =
        api.post(
            "/api/v1/admin/brokers",
            "{\"name\":\""
                + name
                + "\",\"timezone\":\"America/Santiago\",\"phone\":\"+56342223344\","
                + "\"email\":\"contacto@losandes.cl\"}",
            root);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode broker = json(created);
    String id = broker.get("id").asText();
    assertThat(broker.get("slug").asText()).startsWith("corredora-los-andes");
    assertThat(created.headers().firstValue("Location").orElse(""))
        .endsWith("/api/v1/brokers/" + id);
    for (String table :
        List.of(
            "broker_prompt_configs",
            "broker_lead_configs",
            "broker_chat_configs",
            "broker_voice_configs")) {
      assertThat(sql.count("SELECT count(*) FROM " + table + " WHERE broker_id = ?::uuid", id))
          .as(table)
          .isEqualTo(1);
    }
    assertProblem(
        api.post("/api/v1/admin/brokers", "{\"name\":\"Otra\",\"timezone\":\"Chile/Marte\"}", root),
        400,
        "broker.invalid_timezone");
    assertProblem(
        api.post("/api/v1/admin/brokers", "{\"timezone\":\"UTC\"}", root), 400, "request.invalid");

    assertThat(api.get("/api/v1/brokers/" + id + "/config/lead", root).statusCode()).isEqualTo(200);
    HttpResponse<String> prompt =
        api.exchange(
            "PUT",
            "/api/v1/brokers/" + tenant.brokerId + "/config/prompt",
            Map.of("agentName", "Javiera", "enableAppointmentBooking", true),
            root);
    assertThat(prompt.statusCode()).as(prompt.body()).isEqualTo(200);
    assertThat(
            json(api.get("/api/v1/broker/config/prompt", tenant.token)).get("agentName").asText())
        .isEqualTo("Javiera");

    HttpResponse<String> off =
        api.post("/api/v1/admin/brokers/" + tenant.brokerId + "/deactivate", "", root);
    assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
    assertThat(json(off).get("active").asBoolean()).isFalse();
    assertProblem(
        api.post("/api/v1/auth/login", Map.of("email", tenant.email, "password", PASSWORD)),
        401,
        "auth.account_disabled");
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE action = 'broker.deactivate' AND broker_id"
                    + " = ?::uuid AND user_id = (SELECT id FROM users WHERE role = 'SUPERADMIN')",
                tenant.brokerId))
        .isEqualTo(1);

    HttpResponse<String> on =
        api.post("/api/v1/admin/brokers/" + tenant.brokerId + "/activate", "", root);
    assertThat(json(on).get("active").asBoolean()).isTrue();
    assertThat(
            api.post("/api/v1/auth/login", Map.of("email", tenant.email, "password", PASSWORD))
                .statusCode())
        .isEqualTo(200);
    assertProblem(
        api.post("/api/v1/admin/brokers/" + tenant.brokerId + "/deactivate", "", tenant.token),
        403,
        "auth.forbidden");
    assertProblem(
        api.post("/api/v1/admin/brokers/" + UUID.randomUUID() + "/deactivate", "", root),
        404,
        "broker.not_found");
  }

  // ---- helpers ----

  private record Session(String token, String brokerId, String email) {}

  private Session register(Api api, String brokerName) throws Exception {
    String email = "admin." + suffix() + "@corredora.cl";
    HttpResponse<String> response =
        api.post(
            "/api/v1/auth/register",
            Map.of(
                "brokerName", brokerName,
                "name", "Francisca Muñoz",
                "email", email,
                "password", PASSWORD));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = json(response);
    return new Session(body.get("accessToken").asText(), body.at("/user/brokerId").asText(), email);
  }

  private static String login(Api api, String email, String password) throws Exception {
    HttpResponse<String> response =
        api.post("/api/v1/auth/login", Map.of("email", email, "password", password));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).get("accessToken").asText();
  }

  private static Map<String, Object> lead(int coldMax, int warmMax) {
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put(
        "fieldWeights",
        Map.of("name", 5, "phone", 15, "location", 20, "budget", 30, "monthly_income", 30));
    lead.put("coldMaxScore", coldMax);
    lead.put("warmMaxScore", warmMax);
    lead.put("fieldPriority", List.of("location", "budget", "monthly_income", "dicom_status"));
    lead.put("requiredProfileFields", List.of(List.of("phone"), List.of("location")));
    lead.put("qualifiedIncome", 1_500_000);
    lead.put("potentialIncome", 800_000);
    lead.put("acceptableDebt", 200_000);
    lead.put("autoCloseNotQualified", true);
    lead.put("hotAlertScore", 80);
    lead.put("agentsSeeUnassigned", false);
    return lead;
  }

  private static Map<String, Object> voice(String provider, String start, String end) {
    Map<String, Object> voice = new LinkedHashMap<>();
    voice.put("provider", provider);
    voice.put("providerCredentials", Map.of("apiKey", VAPI_KEY));
    voice.put("phoneNumberId", "pn-temuco-001");
    voice.put("assistantIdDefault", "asst-sofia-temuco");
    voice.put("callingHoursStart", start);
    voice.put("callingHoursEnd", end);
    voice.put("maxConcurrentCalls", 3);
    return voice;
  }

  private static Map<String, String> range(String start, String end) {
    return Map.of("start", start, "end", end);
  }

  /** Null members are left out of responses. */
  private static boolean absent(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
