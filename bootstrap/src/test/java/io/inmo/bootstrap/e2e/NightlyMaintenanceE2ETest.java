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
import io.inmo.bootstrap.jobs.ScheduledJobs;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
 * The nightly job through the real scheduler (ADR 0014): the test makes the recurring db-scheduler
 * execution due now, as a clock reaching 03:30 would, and reads the outcome through the API. Time
 * passing is simulated by moving the stored timestamps back (messages, capture, stage entry).
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightlyMaintenanceE2ETest {
  private Inmo inmo;
  private Api api;
  private Sql sql;
  private PgDatabase database;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    this.database = database;
    sql = new Sql(database.dataSource());
    inmo = Staff.server(database, redis, "secreto-de-firma-para-pruebas-e2e-nocturnas");
    api = new Api(URI.create("http://127.0.0.1:" + inmo.port()));
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenALeadWhoseLastReplyAgesPastAWeek_whenTheNightRuns_thenItsRecencyBonusDecays()
      throws Exception {
    Staff broker = Staff.register(api, "Propiedades Ñuñoa");
    String lead =
        create(
            broker,
            Map.of(
                "name",
                "Camila Fuentes",
                "phone",
                "9 5511 2233",
                "facts",
                Map.of("budget", Map.of("amount", 4200, "currency", "UF"))));
    String quiet = create(broker, Map.of("name", "Rodrigo Soto", "phone", "9 5511 4455"));
    // a conversation two days ago: three quick replies (2 minutes after each of our messages)
    for (int turn = 0; turn < 3; turn++) {
      int minutes = 60 - turn * 10;
      message(broker, lead, "outbound", "ai", "2 days " + minutes + " minutes");
      message(broker, lead, "inbound", "lead", "2 days " + (minutes - 2) + " minutes");
    }
    // the next fact recomputes with the conversation: 10 + 15 + 20 + location 15 = 60, plus
    // engagement 4 (three replies) + 3 (fast) + 3 (contact in the last 7 days) = 70, hot
    JsonNode scored = patch(broker, lead, Map.of("facts", Map.of("location", "Ñuñoa")));
    assertThat(scored.get("score").asInt()).as(scored.toString()).isEqualTo(70);
    assertThat(scored.get("status").asText()).isEqualTo("hot");
    String quietBefore =
        sql.text("SELECT version || ' ' || updated_at FROM leads WHERE id = ?::uuid", quiet);

    // six more days pass without a word: the last reply is now eight days old
    sql.execute(
        "UPDATE chat_messages SET created_at = created_at - interval '6 days'"
            + " WHERE lead_id = ?::uuid",
        lead);
    runNightlyJob();

    JsonNode decayed = get(broker, lead);
    assertThat(decayed.get("score").asInt()).as(decayed.toString()).isEqualTo(67);
    assertThat(decayed.get("status").asText()).isEqualTo("warm");
    JsonNode engagement = component(decayed, "engagement");
    assertThat(engagement.get("points").asInt()).isEqualTo(7);
    assertThat(engagement.get("reason").asText())
        .contains("respondió 3 veces")
        .doesNotContain("últimos 7 días");
    JsonNode logged =
        json(api.get("/api/v1/leads/" + lead + "/activity?limit=1", broker.token()))
            .get("items")
            .get(0);
    assertThat(logged.get("type").asText()).isEqualTo("score_changed");
    assertThat(logged.get("actorType").asText()).isEqualTo("system");
    assertThat(logged.get("details").get("from").asInt()).isEqualTo(70);
    assertThat(logged.get("details").get("to").asInt()).isEqualTo(67);
    // a lead whose score does not depend on time was not even written
    assertThat(sql.text("SELECT version || ' ' || updated_at FROM leads WHERE id = ?::uuid", quiet))
        .isEqualTo(quietBefore);
    // decay lowers scores: it never alerts (the one alert is from turning hot)
    JsonNode inbox = json(api.get("/api/v1/notifications", broker.token()));
    assertThat(kinds(inbox)).containsExactly("lead_hot");

    // a second run the same night changes nothing
    long changes = activityCount(broker, lead, "score_changed");
    runNightlyJob();
    assertThat(get(broker, lead).get("score").asInt()).isEqualTo(67);
    assertThat(activityCount(broker, lead, "score_changed")).isEqualTo(changes);
  }

  @Test
  void givenLeadsNobodyWorked_whenTheNightRuns_thenFlaggedListedAndEachOwnerGetsOneDigest()
      throws Exception {
    Staff broker = Staff.register(api, "Corredora Vitacura");
    Staff agent = broker.agent(api, "Ignacio Carrasco");
    String javiera = create(broker, assigned("Javiera Núñez", "9 4100 0001", agent));
    String tomas = create(broker, assigned("Tomás Araya", "9 4100 0002", agent));
    String ines = create(broker, Map.of("name", "Inés Cáceres", "phone", "9 4100 0003"));
    String fresh = create(broker, assigned("Paula Rivas", "9 4100 0004", agent));
    String won = create(broker, assigned("Matías Lagos", "9 4100 0005", agent));
    String called = create(broker, assigned("Sofía Pizarro", "9 4100 0006", agent));
    HttpResponse<String> closed =
        api.post(
            "/api/v1/leads/" + won + "/stage",
            Api.JSON.writeValueAsString(
                Map.of("stage", "won", "reason", "Firmó la promesa", "closeReason", "purchased")),
            broker.token());
    assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    assertThat(json(api.get("/api/v1/broker/config/lead", broker.token())).get("staleAfterDays"))
        .hasToString("14");

    // twenty days without contact or stage move (the called lead was phoned yesterday)
    for (String id : List.of(javiera, tomas, ines, won, called)) {
      age(id, 20);
    }
    sql.execute(
        "UPDATE leads SET last_contacted_at = now() - interval '1 day' WHERE id = ?::uuid", called);
    runNightlyJob();

    for (String id : List.of(javiera, tomas, ines)) {
      assertThat(get(broker, id).hasNonNull("staleSince")).as(id).isTrue();
    }
    for (String id : List.of(fresh, won, called)) {
      assertThat(get(broker, id).hasNonNull("staleSince")).as(id).isFalse();
    }
    assertThat(names(api.get("/api/v1/leads?stale=true", broker.token())))
        .containsExactlyInAnyOrder("Javiera Núñez", "Tomás Araya", "Inés Cáceres");
    assertThat(names(api.get("/api/v1/leads?stale=false", broker.token())))
        .containsExactlyInAnyOrder("Paula Rivas", "Matías Lagos", "Sofía Pizarro");
    assertProblem(api.get("/api/v1/leads?stale=quizas", broker.token()), 400, "request.invalid");
    JsonNode flaggedEntry =
        json(api.get("/api/v1/leads/" + javiera + "/activity?limit=1", broker.token()))
            .get("items")
            .get(0);
    assertThat(flaggedEntry.get("type").asText()).isEqualTo("lead_stale");
    assertThat(flaggedEntry.get("actorType").asText()).isEqualTo("system");
    assertThat(flaggedEntry.get("details").get("staleAfterDays").asInt()).isEqualTo(14);

    // the agent hears once about their two leads; the admin about the unassigned one
    JsonNode agentDigest = onlyNotification(agent, "leads_stale");
    assertThat(agentDigest.get("title").asText()).isEqualTo("2 leads sin actividad");
    assertThat(agentDigest.get("body").asText())
        .contains("Javiera Núñez")
        .contains("Tomás Araya")
        .contains("14 días")
        .doesNotContain("Paula Rivas")
        .doesNotContain("Sofía Pizarro");
    assertThat(agentDigest.hasNonNull("leadId")).isFalse();
    JsonNode adminDigest = onlyNotification(broker, "leads_stale");
    assertThat(adminDigest.get("title").asText()).isEqualTo("1 lead sin actividad");
    assertThat(adminDigest.get("leadId").asText()).isEqualTo(ines);

    // running again flags nothing new and sends nothing
    runNightlyJob();
    onlyNotification(agent, "leads_stale");
    onlyNotification(broker, "leads_stale");
    assertThat(activityCount(broker, javiera, "lead_stale")).isEqualTo(1);

    // working the lead clears the flag
    HttpResponse<String> moved =
        api.post(
            "/api/v1/leads/" + javiera + "/stage",
            Api.JSON.writeValueAsString(
                Map.of("stage", "financial_qualification", "reason", "La llamé y sigue buscando")),
            agent.token());
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    assertThat(json(moved).hasNonNull("staleSince")).isFalse();
    assertThat(names(api.get("/api/v1/leads?stale=true", agent.token())))
        .containsExactlyInAnyOrder("Tomás Araya", "Inés Cáceres");
  }

  @Test
  void givenALongerStalePeriod_whenSet_thenKeptValidatedAndHonouredByTheNight() throws Exception {
    Staff broker = Staff.register(api, "Propiedades Las Condes");
    String lead = create(broker, Map.of("name", "Bárbara Muñoz", "phone", "9 4200 0001"));
    age(lead, 20);

    Map<String, Object> settings = leadSettings(broker);
    settings.put("staleAfterDays", 0);
    assertProblem(
        api.exchange("PUT", "/api/v1/broker/config/lead", settings, broker.token()),
        400,
        "broker.invalid_stale_after_days");
    settings.put("staleAfterDays", 30);
    HttpResponse<String> saved =
        api.exchange("PUT", "/api/v1/broker/config/lead", settings, broker.token());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    assertThat(json(saved).get("staleAfterDays").asInt()).isEqualTo(30);
    // leaving it out keeps it
    settings.remove("staleAfterDays");
    assertThat(
            json(api.exchange("PUT", "/api/v1/broker/config/lead", settings, broker.token()))
                .get("staleAfterDays")
                .asInt())
        .isEqualTo(30);

    runNightlyJob();
    assertThat(get(broker, lead).hasNonNull("staleSince")).isFalse();
    age(lead, 31);
    runNightlyJob();
    assertThat(get(broker, lead).hasNonNull("staleSince")).isTrue();
  }

  @Test
  void givenOldFinishedRunsAndReadNotifications_whenTheNightRuns_thenTheyAreDeleted()
      throws Exception {
    Staff broker = Staff.register(api, "Corredora Providencia Centro");
    String oldest = run(broker, "done", 200);
    String old = run(broker, "superseded", 120);
    String latest = run(broker, "done", 100);
    String recent = UUID.randomUUID().toString();
    notification(broker, recent, "now() - interval '10 days'");
    String stale = UUID.randomUUID().toString();
    notification(broker, stale, "now() - interval '100 days'");
    String unread = UUID.randomUUID().toString();
    notification(broker, unread, null);

    runNightlyJob();

    assertThat(ids("lead_rescoring_runs", broker)).containsExactly(latest);
    assertThat(ids("notifications", broker)).containsExactlyInAnyOrder(recent, unread);
    assertThat(List.of(oldest, old)).doesNotContain(latest);
    assertThat(stale).isNotIn(recent, unread);
  }

  /** Runs the nightly job now through the real scheduler (see {@link ScheduledJobs}). */
  private void runNightlyJob() throws Exception {
    ScheduledJobs.runNow(database.dataSource(), Inmo.NIGHTLY_JOB, Duration.ofSeconds(30));
  }

  // ---------------------------------------------------------------- helpers

  private void age(String lead, int days) throws Exception {
    sql.execute(
        "UPDATE leads SET created_at = now() - make_interval(days => ?::int),"
            + " stage_entered_at = now() - make_interval(days => ?::int) WHERE id = ?::uuid",
        Integer.toString(days),
        Integer.toString(days),
        lead);
  }

  private void message(Staff staff, String lead, String direction, String sender, String ago)
      throws Exception {
    sql.execute(
        "INSERT INTO chat_messages (id, broker_id, lead_id, provider, channel_user_id,"
            + " message_text, direction, sender_type, delivery_status, created_at) VALUES"
            + " (?::uuid, ?::uuid, ?::uuid, 'webchat', 'visitante-ñuñoa', 'Hola, sigo"
            + " interesada', ?, ?, 'sent', now() - ?::interval)",
        UUID.randomUUID().toString(),
        staff.brokerId(),
        lead,
        direction,
        sender,
        ago);
  }

  private String run(Staff broker, String status, int daysAgo) throws Exception {
    String id = UUID.randomUUID().toString();
    sql.execute(
        "INSERT INTO lead_rescoring_runs (id, broker_id, status, total, processed, changed,"
            + " created_at, started_at, finished_at) VALUES (?::uuid, ?::uuid, ?, 10, 10, 2,"
            + " now() - make_interval(days => ?::int), now() - make_interval(days => ?::int),"
            + " now() - make_interval(days => ?::int))",
        id,
        broker.brokerId(),
        status,
        Integer.toString(daysAgo),
        Integer.toString(daysAgo),
        Integer.toString(daysAgo));
    return id;
  }

  private void notification(Staff broker, String id, String readAt) throws Exception {
    sql.execute(
        "INSERT INTO notifications (id, broker_id, user_id, kind, title, body, created_at,"
            + " read_at) VALUES (?::uuid, ?::uuid, ?::uuid, 'lead_hot', 'Lead caliente: Ana"
            + " Vidal', 'Puntaje 80 (antes 60).', now() - interval '120 days', "
            + (readAt == null ? "NULL" : readAt)
            + ")",
        id,
        broker.brokerId(),
        broker.userId());
  }

  private List<String> ids(String table, Staff broker) throws Exception {
    String joined =
        sql.text(
            "SELECT coalesce(string_agg(id::text, ','), '') FROM "
                + table
                + " WHERE broker_id = ?::uuid",
            broker.brokerId());
    return joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }

  private Map<String, Object> leadSettings(Staff broker) throws Exception {
    JsonNode config = json(api.get("/api/v1/broker/config/lead", broker.token()));
    Map<String, Object> settings = new LinkedHashMap<>();
    for (String field :
        List.of(
            "fieldWeights",
            "coldMaxScore",
            "warmMaxScore",
            "fieldPriority",
            "requiredProfileFields",
            "qualifiedIncome",
            "potentialIncome",
            "acceptableDebt",
            "autoCloseNotQualified")) {
      settings.put(field, Api.JSON.treeToValue(config.get(field), Object.class));
    }
    return settings;
  }

  private static Map<String, Object> assigned(String name, String phone, Staff agent) {
    return Map.of("name", name, "phone", phone, "assignedTo", agent.userId());
  }

  private String create(Staff broker, Map<String, ?> body) throws Exception {
    HttpResponse<String> response =
        api.post("/api/v1/leads", Api.JSON.writeValueAsString(body), broker.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).get("id").asText();
  }

  private JsonNode get(Staff broker, String id) throws Exception {
    return json(api.get("/api/v1/leads/" + id, broker.token()));
  }

  private JsonNode patch(Staff broker, String id, Map<String, ?> body) throws Exception {
    HttpResponse<String> response =
        api.exchange("PATCH", "/api/v1/leads/" + id, new LinkedHashMap<>(body), broker.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private long activityCount(Staff broker, String lead, String type) throws Exception {
    long count = 0;
    for (JsonNode item :
        json(api.get("/api/v1/leads/" + lead + "/activity?limit=100", broker.token()))
            .get("items")) {
      if (item.get("type").asText().equals(type)) {
        count++;
      }
    }
    return count;
  }

  private JsonNode onlyNotification(Staff staff, String kind) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode item : json(api.get("/api/v1/notifications", staff.token())).get("items")) {
      if (item.get("kind").asText().equals(kind)) {
        found.add(item);
      }
    }
    assertThat(found).as(kind + " notifications").hasSize(1);
    return found.getFirst();
  }

  private static List<String> kinds(JsonNode inbox) {
    List<String> kinds = new ArrayList<>();
    inbox.get("items").forEach(item -> kinds.add(item.get("kind").asText()));
    return kinds;
  }

  private static List<String> names(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    json(response).get("items").forEach(item -> names.add(item.get("name").asText()));
    return names;
  }

  private static JsonNode component(JsonNode lead, String factor) {
    for (JsonNode component : lead.get("scoreComponents")) {
      if (component.get("factor").asText().equals(factor)) {
        return component;
      }
    }
    throw new AssertionError("no " + factor + " component in " + lead);
  }
}
