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
import java.time.Duration;
import java.time.Instant;
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
 * Notes on a lead's timeline over HTTP ({@code POST /api/v1/leads/{id}/notes}): who may write them,
 * what the timeline and the audit log then show, and bad input as problems, against a real
 * PostgreSQL.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadNotesE2ETest {
  private Sql sql;
  private Inmo inmo;
  private Api api;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    this.sql = new Sql(database.dataSource());
    inmo = Staff.server(database, redis, "secreto-de-firma-para-pruebas-e2e-de-notas");
    api = new Api(URI.create("http://127.0.0.1:" + inmo.port()));
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenTheAssignedAgent_whenAddingANote_thenTheTimelineShowsTextAuthorAndTime()
      throws Exception {
    Staff admin = Staff.register(api, "Propiedades Ñuñoa");
    Staff camila = admin.agent(api, "Camila Rojas");
    String lead =
        createLead(
            admin.token(),
            Map.of(
                "name", "María José Pérez", "phone", "9 8765 4321", "assignedTo", camila.userId()));
    JsonNode before = json(api.get("/api/v1/leads/" + lead, admin.token()));
    Instant sent = Instant.now();
    String text = "Llamó a las 18:00: prefiere Ñuñoa, 3D2B, visita el sábado con su pareja.";

    HttpResponse<String> created = note(lead, Map.of("text", "  " + text + "\n"), camila.token());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode entry = json(created);
    assertThat(entry.get("type").asText()).isEqualTo("note");
    assertThat(entry.get("actorType").asText()).isEqualTo("user");
    assertThat(entry.get("actorUserId").asText()).isEqualTo(camila.userId());
    assertThat(entry.get("actorName").asText()).isEqualTo("Camila Rojas");
    assertThat(entry.at("/details/text").asText()).isEqualTo(text);
    Instant at = Instant.parse(entry.get("createdAt").asText());
    assertThat(Duration.between(sent, at).abs()).isLessThan(Duration.ofSeconds(30));

    // the timeline, read by the admin, has it first, as written
    JsonNode timeline = json(api.get("/api/v1/leads/" + lead + "/activity", admin.token()));
    JsonNode first = timeline.get("items").get(0);
    assertThat(first.get("id").asText()).isEqualTo(entry.get("id").asText());
    assertThat(first.get("type").asText()).isEqualTo("note");
    assertThat(first.at("/details/text").asText()).isEqualTo(text);
    assertThat(first.get("actorName").asText()).isEqualTo("Camila Rojas");
    assertThat(first.get("createdAt").asText()).isEqualTo(entry.get("createdAt").asText());
    // the admin's own earlier entries carry their name too
    JsonNode createdEntry = null;
    for (JsonNode item : timeline.get("items")) {
      if (item.get("type").asText().equals("lead_created")) {
        createdEntry = item;
      }
    }
    assertThat(createdEntry).as(timeline.toString()).isNotNull();
    assertThat(createdEntry.get("actorName").asText()).isEqualTo("Valentina Soto");

    // writing a note is not working the lead: it is not touched (nor its stale flag cleared)
    JsonNode after = json(api.get("/api/v1/leads/" + lead, admin.token()));
    assertThat(after.get("updatedAt").asText()).isEqualTo(before.get("updatedAt").asText());

    // audited like other lead writes, with the length and never the text
    JsonNode audit = json(api.get("/api/v1/audit?action=lead.note", admin.token()));
    assertThat(audit.get("items")).hasSize(1);
    JsonNode row = audit.get("items").get(0);
    assertThat(row.get("resourceId").asText()).isEqualTo(lead);
    assertThat(row.get("userId").asText()).isEqualTo(camila.userId());
    assertThat(row.at("/after/noteId").asText()).isEqualTo(entry.get("id").asText());
    assertThat(row.at("/after/noteLength").asInt()).isEqualTo(text.length());
    assertThat(audit.toString()).doesNotContain("sábado");
  }

  @Test
  void givenWhoMaySeeTheLead_whenAddingNotes_thenStaffInScopeWriteAndOthersFindNothing()
      throws Exception {
    Staff admin = Staff.register(api, "Corredora Providencia");
    Staff camila = admin.agent(api, "Camila Rojas");
    Staff paula = admin.agent(api, "Paula Fuentes");
    Staff neighbour = Staff.register(api, "Corredora Vecina");
    String camilas =
        createLead(admin.token(), Map.of("name", "Tomás Díaz", "assignedTo", camila.userId()));
    String unassigned = createLead(admin.token(), Map.of("name", "Benjamín Soto"));
    Map<String, String> body = Map.of("text", "Pidió que lo llamen después de las 19:00.");
    String root = superadmin();

    assertThat(note(camilas, body, admin.token()).statusCode()).isEqualTo(201);
    assertThat(note(unassigned, body, paula.token()).statusCode()).isEqualTo(201);
    // another agent's lead, another broker's lead, a lead that does not exist: all the same 404
    assertProblem(note(camilas, body, paula.token()), 404, "lead.not_found");
    assertProblem(note(camilas, body, neighbour.token()), 404, "lead.not_found");
    assertProblem(note(UUID.randomUUID().toString(), body, admin.token()), 404, "lead.not_found");
    assertProblem(note("no-es-un-id", body, admin.token()), 404, "lead.not_found");
    assertProblem(note(camilas, body, null), 401, "auth.missing_token");
    // the platform names the broker
    assertProblem(note(camilas, body, root), 400, "lead.broker_required");
    HttpResponse<String> byRoot =
        api.post(
            "/api/v1/leads/" + camilas + "/notes?brokerId=" + admin.brokerId(),
            Api.JSON.writeValueAsString(body),
            root);
    assertThat(byRoot.statusCode()).as(byRoot.body()).isEqualTo(201);
    assertProblem(
        api.post(
            "/api/v1/leads/" + camilas + "/notes?brokerId=" + neighbour.brokerId(),
            Api.JSON.writeValueAsString(body),
            root),
        404,
        "lead.not_found");

    assertThat(
            sql.count(
                "SELECT count(*) FROM activity_log WHERE lead_id = ?::uuid AND action_type = 'note'",
                camilas))
        .isEqualTo(2);
    assertThat(
            sql.count(
                "SELECT count(*) FROM activity_log WHERE broker_id = ?::uuid AND action_type = 'note'",
                neighbour.brokerId()))
        .isZero();
  }

  @Test
  void givenBadNotes_whenAdding_thenProblemsAndNothingWritten() throws Exception {
    Staff admin = Staff.register(api, "Corredora Maipú");
    String lead = createLead(admin.token(), Map.of("name", "Catalina Muñoz"));
    String t = admin.token();
    Map<String, Object> nullText = new LinkedHashMap<>();
    nullText.put("text", null);

    assertProblem(note(lead, Map.of("text", ""), t), 400, "lead.note_invalid");
    assertProblem(note(lead, Map.of("text", " \n\t "), t), 400, "lead.note_invalid");
    assertProblem(note(lead, nullText, t), 400, "lead.note_invalid");
    assertProblem(note(lead, Map.of(), t), 400, "lead.note_invalid");
    assertProblem(note(lead, Map.of("text", "ñ".repeat(2001)), t), 400, "lead.note_invalid");
    assertProblem(note(lead, Map.of("text", 42), t), 400, "request.invalid");
    assertProblem(note(lead, Map.of("texto", "hola"), t), 400, "request.invalid");
    assertProblem(note(lead, List.of("hola"), t), 400, "request.invalid");
    assertProblem(
        api.raw("POST", "/api/v1/leads/" + lead + "/notes", "application/json", null, t),
        400,
        "request.body_missing");
    assertProblem(
        api.raw("POST", "/api/v1/leads/" + lead + "/notes", "application/json", "{\"text\":", t),
        400,
        "request.malformed_json");
    assertThat(
            sql.count(
                "SELECT count(*) FROM activity_log WHERE lead_id = ?::uuid AND action_type = 'note'",
                lead))
        .isZero();

    // 2,000 characters (accents are one each) is the most a note holds
    HttpResponse<String> longest = note(lead, Map.of("text", "ñ".repeat(2000)), t);
    assertThat(longest.statusCode()).as(longest.body()).isEqualTo(201);
    assertThat(json(longest).at("/details/text").asText()).hasSize(2000);
  }

  // ---- helpers ----

  private HttpResponse<String> note(String lead, Object body, String token) throws Exception {
    return api.post("/api/v1/leads/" + lead + "/notes", Api.JSON.writeValueAsString(body), token);
  }

  private String createLead(String token, Map<String, ?> body) throws Exception {
    HttpResponse<String> response =
        api.post("/api/v1/leads", Api.JSON.writeValueAsString(body), token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).get("id").asText();
  }

  private String superadmin() throws Exception {
    var platform = inmo.firstAdmin().orElseThrow();
    return json(api.post(
            "/api/v1/auth/login",
            Map.of("email", platform.email().value(), "password", platform.password())))
        .get("accessToken")
        .asText();
  }
}
