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
import java.net.http.HttpResponse;
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
 * The domain decides, seen through the API (PRODUCT §5, §6): every edit recomputes score, status,
 * qualification and stage by the documented rules with the broker's default settings; a lead
 * turning hot notifies the assigned agent, else the admins; manual moves need a reason and only an
 * ADMIN reopens a won lead.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadScoringE2ETest {
  private Inmo inmo;
  private Api api;
  private Sql sql;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    sql = new Sql(database.dataSource());
    inmo = Staff.server(database, redis, "secreto-de-firma-para-pruebas-e2e-de-puntaje");
    api = new Api(URI.create("http://127.0.0.1:" + inmo.port()));
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenFactsLearntOneByOne_whenEachIsSaved_thenScoreStatusAndStageFollowTheRules()
      throws Exception {
    Staff broker = register("Propiedades La Reina");
    String id = create(broker.token(), Map.of("name", "Rocío Henríquez"));
    JsonNode lead = get(broker, id);
    // name 10 → cold; a name alone starts nothing
    assertState(lead, 10, "cold", "new", null);

    // + phone 15 → name and a contact: new → profiling
    lead = patch(broker, id, Map.of("phone", "9 7766 5544"));
    assertState(lead, 25, "cold", "profiling", null);

    // + location 15, budget 20 → the default required profile (name, phone, location, budget or
    // property type) is complete: profiling → financial_qualification; 60 is warm (31..69)
    lead =
        patch(
            broker,
            id,
            Map.of(
                "facts",
                Map.of(
                    "location", "La Reina", "budget", Map.of("amount", 6200, "currency", "UF"))));
    assertState(lead, 60, "warm", "financial_qualification", null);

    // + income 1,200,000 (≥ 1,000,000: 15) and DICOM clean (15) → 90, hot, QUALIFIED → potential
    lead =
        patch(
            broker,
            id,
            Map.of(
                "facts",
                Map.of(
                    "monthlyIncome",
                    Map.of("amount", 1_200_000, "currency", "CLP"),
                    "dicomStatus",
                    "clean")));
    assertState(lead, 90, "hot", "potential", "QUALIFIED");
    int sum = 0;
    for (JsonNode component : lead.get("scoreComponents")) {
      sum += component.get("points").asInt();
    }
    assertThat(sum).isEqualTo(90);

    // the activity log tells each automatic move with its rule
    List<String> rules = new ArrayList<>();
    for (JsonNode item :
        json(api.get("/api/v1/leads/" + id + "/activity?limit=100", broker.token())).get("items")) {
      if (item.get("type").asText().equals("stage_changed")) {
        rules.add(item.get("details").get("rule").asText());
      }
    }
    assertThat(rules)
        .containsExactly("financially_qualified", "profile_complete", "profile_started");

    // unassigned and hot: the broker's admin is told
    JsonNode inbox = json(api.get("/api/v1/notifications", broker.token()));
    assertThat(inbox.get("unreadCount").asLong()).isEqualTo(1);
    JsonNode alert = inbox.get("items").get(0);
    assertThat(alert.get("kind").asText()).isEqualTo("lead_hot");
    assertThat(alert.get("leadId").asText()).isEqualTo(id);
    assertThat(alert.get("title").asText()).isEqualTo("Lead caliente: Rocío Henríquez");
    // income and DICOM are not in the alert
    assertThat(alert.toString()).doesNotContain("1200000").doesNotContain("1.200.000");
  }

  @Test
  void givenAssignedLeadTurningHot_whenSaved_thenOnlyItsAgentIsNotified() throws Exception {
    Staff broker = register("Propiedades Macul");
    Staff agent = agent(broker, "Ignacio Carrasco");
    String id =
        create(
            broker.token(),
            Map.of("name", "Paz Olivares", "phone", "9 3344 5566", "assignedTo", agent.userId()));
    patch(
        broker,
        id,
        Map.of(
            "email",
            "paz.olivares@gmail.com",
            "facts",
            Map.of(
                "location",
                "Macul",
                "budget",
                Map.of("amount", 4100, "currency", "UF"),
                "monthlyIncome",
                Map.of("amount", 900_000, "currency", "CLP"),
                "dicomStatus",
                "clean")));

    // 10 + 15 + 10 + 15 + 20 + income ≥ 500,000 half of 15 = 7 + DICOM clean 15 = 92 → hot
    assertThat(get(broker, id).get("score").asInt()).isEqualTo(92);
    JsonNode inbox = json(api.get("/api/v1/notifications", agent.token()));
    assertThat(inbox.get("items")).hasSize(1);
    assertThat(inbox.get("items").get(0).get("body").asText()).contains("asignado a ti");
    assertThat(json(api.get("/api/v1/notifications", broker.token())).get("items")).isEmpty();
  }

  @Test
  void givenWonLead_whenAgentOrAdminReopens_thenOnlyTheAdminMay() throws Exception {
    Staff broker = register("Propiedades Peñalolén");
    Staff agent = agent(broker, "Fernanda Castro");
    String id =
        create(
            broker.token(),
            Map.of("name", "Óscar Zúñiga", "phone", "9 8877 6655", "assignedTo", agent.userId()));

    assertProblem(stage(agent.token(), id, Map.of("stage", "won")), 400, "lead.stage_invalid");
    assertProblem(
        stage(agent.token(), id, Map.of("stage", "ganado", "reason", "x")), 400, "request.invalid");
    HttpResponse<String> won =
        stage(
            agent.token(),
            id,
            Map.of(
                "stage",
                "won",
                "reason",
                "Firmó la promesa de compraventa",
                "closeReason",
                "purchased"));
    assertThat(won.statusCode()).as(won.body()).isEqualTo(200);
    JsonNode closed = json(won);
    assertThat(closed.get("stage").asText()).isEqualTo("won");
    assertThat(closed.get("status").asText()).isEqualTo("converted");
    assertThat(closed.get("closeReason").asText()).isEqualTo("purchased");
    assertThat(closed.get("closeDetail").asText()).isEqualTo("Firmó la promesa de compraventa");
    assertThat(closed.get("closedFromStage").asText()).isEqualTo("profiling");
    assertThat(closed.hasNonNull("closedAt")).isTrue();

    // editing a won lead's facts does not rescore it
    assertThat(
            patch(broker, id, Map.of("facts", Map.of("location", "Peñalolén")))
                .get("status")
                .asText())
        .isEqualTo("converted");

    assertProblem(
        stage(agent.token(), id, Map.of("stage", "profiling", "reason", "Se cayó el crédito")),
        403,
        "lead.reopen_requires_admin");
    assertProblem(
        stage(broker.token(), id, Map.of("stage", "lost", "reason", "Cambio")), 409, "lead.closed");
    HttpResponse<String> reopened =
        stage(broker.token(), id, Map.of("stage", "profiling", "reason", "Se cayó el crédito"));
    assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
    JsonNode open = json(reopened);
    assertThat(open.get("stage").asText()).isEqualTo("profiling");
    assertThat(open.hasNonNull("closeReason")).isFalse();
    // rescored on reopening: name 10 + phone 15 + location 15 = 40 → warm
    assertThat(open.get("score").asInt()).isEqualTo(40);
    assertThat(open.get("status").asText()).isEqualTo("warm");

    List<String> types = new ArrayList<>();
    json(api.get("/api/v1/leads/" + id + "/activity", broker.token()))
        .get("items")
        .forEach(item -> types.add(item.get("type").asText()));
    assertThat(types).contains("lead_reopened", "lead_closed");
  }

  @Test
  void givenOpenLead_whenMovedBackByHand_thenItStaysWhereItWasPut() throws Exception {
    Staff broker = register("Propiedades Lo Barnechea");
    String id =
        create(
            broker.token(),
            Map.of(
                "name", "Ximena Salinas",
                "phone", "9 2211 3344",
                "facts", Map.of("location", "Lo Barnechea", "propertyType", "house")));
    assertThat(get(broker, id).get("stage").asText()).isEqualTo("financial_qualification");

    JsonNode moved =
        json(stage(broker.token(), id, Map.of("stage", "new", "reason", "Datos por confirmar")));

    assertThat(moved.get("stage").asText()).isEqualTo("new");
    // a later edit recomputes and the rules move it forward again
    JsonNode edited = patch(broker, id, Map.of("notes", "Prefiere visitas en la tarde"));
    assertThat(edited.get("stage").asText()).isEqualTo("financial_qualification");
  }

  @Test
  void givenNewThresholds_whenSaved_thenLeadsAreRescoredInTheBackground() throws Exception {
    Staff broker = register("Propiedades Puente Alto");
    Staff agent = agent(broker, "Benjamín Vergara");
    // 60 warm, 25 cold, 90 hot under the defaults (cold ≤ 30, hot ≥ 70)
    String warm =
        create(
            broker.token(),
            Map.of(
                "name", "Lead Tibio",
                "phone", "9 6100 2001",
                "facts",
                    Map.of(
                        "location",
                        "Puente Alto",
                        "budget",
                        Map.of("amount", 2900, "currency", "UF"))));
    String cold = create(broker.token(), Map.of("name", "Lead Frío", "phone", "9 6100 2002"));
    String hot =
        create(
            broker.token(),
            Map.of(
                "name", "Lead Caliente",
                "phone", "9 6100 2003",
                "facts",
                    Map.of(
                        "location",
                        "Puente Alto",
                        "budget",
                        Map.of("amount", 3100, "currency", "UF"),
                        "monthlyIncome",
                        Map.of("amount", 1_500_000, "currency", "CLP"),
                        "dicomStatus",
                        "clean")));
    assertThat(get(broker, warm).get("status").asText()).isEqualTo("warm");
    assertThat(get(broker, cold).get("status").asText()).isEqualTo("cold");
    assertProblem(api.get("/api/v1/broker/rescoring", broker.token()), 404, "rescoring.none");

    JsonNode config = json(api.get("/api/v1/broker/config/lead", broker.token()));
    Map<String, Object> stricter = new LinkedHashMap<>();
    for (String field :
        List.of(
            "fieldWeights",
            "fieldPriority",
            "requiredProfileFields",
            "qualifiedIncome",
            "potentialIncome",
            "acceptableDebt",
            "autoCloseNotQualified")) {
      stricter.put(field, Api.JSON.treeToValue(config.get(field), Object.class));
    }
    stricter.put("coldMaxScore", 20);
    stricter.put("warmMaxScore", 49);
    HttpResponse<String> put =
        api.exchange("PUT", "/api/v1/broker/config/lead", stricter, broker.token());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    JsonNode run = awaitRescoring(broker.token());
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("done");
    assertThat(run.get("total").asLong()).isEqualTo(3);
    assertThat(run.get("processed").asLong()).isEqualTo(3);
    assertThat(run.get("changed").asLong()).isEqualTo(2);
    assertThat(run.get("percent").asInt()).isEqualTo(100);

    assertThat(get(broker, warm).get("status").asText()).isEqualTo("hot");
    assertThat(get(broker, cold).get("status").asText()).isEqualTo("warm");
    assertThat(get(broker, hot).get("status").asText()).isEqualTo("hot");
    JsonNode newest =
        json(api.get("/api/v1/leads/" + warm + "/activity?limit=1", broker.token()))
            .get("items")
            .get(0);
    assertThat(newest.get("type").asText()).isEqualTo("score_changed");
    assertThat(newest.get("actorType").asText()).isEqualTo("system");
    assertProblem(api.get("/api/v1/broker/rescoring", agent.token()), 403, "auth.forbidden");
  }

  @Test
  void givenProposedThresholds_whenPreviewed_thenScoredUnderThemAndNothingSaved() throws Exception {
    Staff broker = register("Propiedades San Miguel");
    Staff agent = agent(broker, "Cristóbal Tapia");
    Map<String, Object> lead =
        Map.of(
            "name", "Isidora Fuentes",
            "phone", "9 5500 1122",
            "facts",
                Map.of(
                    "location", "San Miguel", "budget", Map.of("amount", 3800, "currency", "UF")));

    // current settings: 10 + 15 + 15 + 20 = 60 → warm, profile complete
    JsonNode now = json(preview(broker.token(), Map.of("lead", lead)));
    assertThat(now.get("score").asInt()).isEqualTo(60);
    assertThat(now.get("status").asText()).isEqualTo("warm");
    assertThat(now.get("stage").asText()).isEqualTo("financial_qualification");
    assertThat(now.get("scoreComponents")).hasSize(4);

    // proposed: hot from 50
    JsonNode config = json(api.get("/api/v1/broker/config/lead", broker.token()));
    Map<String, Object> settings = new LinkedHashMap<>();
    for (String field :
        List.of(
            "fieldWeights",
            "fieldPriority",
            "requiredProfileFields",
            "qualifiedIncome",
            "potentialIncome",
            "acceptableDebt",
            "autoCloseNotQualified")) {
      settings.put(field, config.get(field));
    }
    settings.put("coldMaxScore", 20);
    settings.put("warmMaxScore", 49);
    JsonNode proposed = json(preview(broker.token(), Map.of("lead", lead, "settings", settings)));
    assertThat(proposed.get("score").asInt()).isEqualTo(60);
    assertThat(proposed.get("status").asText()).isEqualTo("hot");

    // nothing saved: no lead, the config unchanged
    assertThat(json(api.get("/api/v1/leads", broker.token())).get("items")).isEmpty();
    assertThat(
            json(api.get("/api/v1/broker/config/lead", broker.token())).get("warmMaxScore").asInt())
        .isEqualTo(69);

    settings.put("warmMaxScore", 10);
    assertProblem(
        preview(broker.token(), Map.of("lead", lead, "settings", settings)),
        400,
        "broker.invalid_thresholds");
    assertProblem(
        preview(broker.token(), Map.of("lead", lead, "settings", Map.of("tono", "amable"))),
        400,
        "request.invalid");
    assertProblem(preview(broker.token(), Map.of("settings", settings)), 400, "request.invalid");
    assertProblem(preview(agent.token(), Map.of("lead", lead)), 403, "auth.forbidden");
  }

  private HttpResponse<String> preview(String token, Map<String, ?> body) throws Exception {
    return api.post("/api/v1/leads/score-preview", Api.JSON.writeValueAsString(body), token);
  }

  @Test
  void givenARunThatCannotGoOn_whenTheJobMeetsIt_thenItFailsAndOtherBrokersRunsStillFinish()
      throws Exception {
    Staff broken = register("Propiedades Rotas");
    create(broken.token(), Map.of("name", "Lead Huérfano", "phone", "9 7000 1001"));
    // a broker whose lead config vanished: its run cannot score anything
    sql.execute("DELETE FROM broker_lead_configs WHERE broker_id = ?::uuid", broken.brokerId());
    sql.execute(
        "INSERT INTO lead_rescoring_runs (id, broker_id, status, created_at)"
            + " VALUES (?::uuid, ?::uuid, 'pending', now() - interval '1 minute')",
        UUID.randomUUID().toString(),
        broken.brokerId());
    Staff healthy = register("Propiedades Sanas");
    String lead = create(healthy.token(), Map.of("name", "Lead Sano", "phone", "9 7000 1002"));
    JsonNode config = json(api.get("/api/v1/broker/config/lead", healthy.token()));
    Map<String, Object> settings = new LinkedHashMap<>();
    for (String field :
        List.of(
            "fieldWeights",
            "fieldPriority",
            "requiredProfileFields",
            "qualifiedIncome",
            "potentialIncome",
            "acceptableDebt",
            "autoCloseNotQualified")) {
      settings.put(field, Api.JSON.treeToValue(config.get(field), Object.class));
    }
    settings.put("coldMaxScore", 10);
    settings.put("warmMaxScore", 24);
    HttpResponse<String> put =
        api.exchange("PUT", "/api/v1/broker/config/lead", settings, healthy.token());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    JsonNode run = awaitRescoring(healthy.token());

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("done");
    // name 10 + phone 15 = 25 ≥ the new hot minimum of 25
    assertThat(get(healthy, lead).get("status").asText()).isEqualTo("hot");
    assertThat(
            sql.text(
                "SELECT status FROM lead_rescoring_runs WHERE broker_id = ?::uuid",
                broken.brokerId()))
        .isEqualTo("failed");
  }

  /**
   * Polls the broker's latest rescoring until it is no longer pending or running (30 s at most).
   */
  private JsonNode awaitRescoring(String token) throws Exception {
    JsonNode run = null;
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      run = json(api.get("/api/v1/broker/rescoring", token));
      String status = run.get("status").asText();
      if (!status.equals("pending") && !status.equals("running")) {
        break;
      }
      Thread.sleep(200);
    }
    return run;
  }

  // ---------------------------------------------------------------- helpers

  private static void assertState(
      JsonNode lead, int score, String status, String stage, String qualification) {
    assertThat(lead.get("score").asInt()).as(lead.toString()).isEqualTo(score);
    assertThat(lead.get("status").asText()).isEqualTo(status);
    assertThat(lead.get("stage").asText()).isEqualTo(stage);
    if (qualification == null) {
      assertThat(lead.hasNonNull("qualification")).isFalse();
    } else {
      assertThat(lead.get("qualification").asText()).isEqualTo(qualification);
    }
  }

  private Staff register(String name) throws Exception {
    return Staff.register(api, name);
  }

  private Staff agent(Staff broker, String name) throws Exception {
    return broker.agent(api, name);
  }

  private String create(String token, Map<String, ?> body) throws Exception {
    HttpResponse<String> response =
        api.post("/api/v1/leads", Api.JSON.writeValueAsString(body), token);
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

  private HttpResponse<String> stage(String token, String id, Map<String, ?> body)
      throws Exception {
    return api.post("/api/v1/leads/" + id + "/stage", Api.JSON.writeValueAsString(body), token);
  }
}
