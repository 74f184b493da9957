package io.inmo.bootstrap.e2e;

import static io.inmo.bootstrap.e2e.Api.assertProblem;
import static io.inmo.bootstrap.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.adapters.persistence.testing.PgDatabase;
import io.inmo.adapters.persistence.testing.RedisEndpoint;
import io.inmo.adapters.persistence.testing.TestPostgres;
import io.inmo.adapters.persistence.testing.TestRedis;
import io.inmo.bootstrap.Inmo;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pipeline board and metrics over HTTP ({@code /api/v1/pipeline}) against a fixture whose
 * numbers are counted by hand in the comments: ten leads spread over the stages, with stage times,
 * budgets, closings and chat messages set with SQL.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineE2ETest {
  private Sql sql;
  private Inmo inmo;
  private Api api;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    this.sql = new Sql(database.dataSource());
    inmo = Staff.server(database, redis, "secreto-de-firma-para-pruebas-e2e-de-embudo");
    api = new Api(URI.create("http://127.0.0.1:" + inmo.port()));
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  /**
   * Ten leads. #: stage (days in it) · budget · closed from → furthest stage reached.
   *
   * <pre>
   *  1 new (2)                     4,000 UF                 → new
   *  2 new (20, stuck)                                      → new
   *  3 profiling (1)               650,000 CLP              → profiling
   *  4 profiling (30, stuck)                                → profiling
   *  5 financial_qualification (5)                          → financial_qualification
   *  6 potential (3)               5,500 UF                 → potential
   *  7 scheduled (1)                                        → scheduled
   *  8 won (40, never stuck)                                → won
   *  9 lost (50)  from profiling                            → profiling
   * 10 lost (2)   from scheduled                            → scheduled
   * </pre>
   *
   * Reached at least: new 10, profiling 8, financial_qualification 5, potential 4, scheduled 3, won
   * 1. Leads 1–3 were created 7 days ago (last week), lead 4 200 days ago (outside 12 weeks), the
   * rest now. First replies: lead 5 after 30 s, lead 6 after 90 s, lead 7 after 600 s, lead 8 never
   * (and a reply before lead 9's first message does not count) → median 90 s.
   */
  @Test
  void givenHandCountedFixture_whenMetricsAsked_thenTheyMatch() throws Exception {
    Staff staff = register("Propiedades Ñuñoa Metricas");
    List<String> leads = fixture(staff);

    HttpResponse<String> response = api.get("/api/v1/pipeline/metrics", staff.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode metrics = json(response);

    Map<String, JsonNode> stages = new HashMap<>();
    metrics.get("stages").forEach(s -> stages.put(s.get("stage").asText(), s));
    assertThat(stages).hasSize(7);
    assertThat(count(stages, "new")).isEqualTo(2);
    assertThat(count(stages, "profiling")).isEqualTo(2);
    assertThat(count(stages, "financial_qualification")).isEqualTo(1);
    assertThat(count(stages, "potential")).isEqualTo(1);
    assertThat(count(stages, "scheduled")).isEqualTo(1);
    assertThat(count(stages, "won")).isEqualTo(1);
    assertThat(count(stages, "lost")).isEqualTo(2);
    assertThat(stages.get("new").get("label").asText()).isEqualTo("Entrada");
    assertThat(stages.get("new").get("budgetUf").decimalValue()).isEqualByComparingTo("4000");
    assertThat(stages.get("potential").get("budgetUf").decimalValue()).isEqualByComparingTo("5500");
    assertThat(stages.get("profiling").get("budgetClp").decimalValue())
        .isEqualByComparingTo("650000");
    // amounts as people write them, never in exponent form (4.5E+3)
    assertThat(response.body()).contains("\"budgetUf\":4000,").doesNotContain("E+");
    assertThat(stages.get("new").get("averageDaysInStage").asDouble()).isCloseTo(11.0, within(0.1));
    assertThat(stages.get("profiling").get("averageDaysInStage").asDouble())
        .isCloseTo(15.5, within(0.1));
    assertThat(stages.get("new").get("stuck").asLong()).isEqualTo(1);
    assertThat(stages.get("profiling").get("stuck").asLong()).isEqualTo(1);
    assertThat(stages.get("won").get("stuck").asLong()).isZero();
    assertThat(stages.get("lost").get("stuck").asLong()).isZero();
    assertThat(metrics.get("stuckAfterDays").asInt()).isEqualTo(14);

    List<String> conversion = new ArrayList<>();
    metrics
        .get("conversion")
        .forEach(
            c ->
                conversion.add(
                    c.get("from").asText()
                        + ">"
                        + c.get("to").asText()
                        + " "
                        + c.get("reached").asLong()
                        + "/"
                        + c.get("advanced").asLong()
                        + " "
                        + c.get("rate").asDouble()));
    assertThat(conversion)
        .containsExactly(
            "new>profiling 10/8 0.8",
            "profiling>financial_qualification 8/5 0.625",
            "financial_qualification>potential 5/4 0.8",
            "potential>scheduled 4/3 0.75",
            "scheduled>won 3/1 0.333");

    JsonNode weeks = metrics.get("weeklyIntake");
    assertThat(weeks).hasSize(12);
    assertThat(weeks.get(11).get("leads").asLong()).isEqualTo(6);
    assertThat(weeks.get(10).get("leads").asLong()).isEqualTo(3);
    long total = 0;
    for (JsonNode week : weeks) {
      total += week.get("leads").asLong();
    }
    assertThat(total).isEqualTo(9);

    assertThat(metrics.get("medianFirstResponseSeconds").asDouble()).isEqualTo(90.0);

    // another broker's numbers do not move
    Staff other = register("Corredora Vecina");
    JsonNode empty = json(api.get("/api/v1/pipeline/metrics", other.token()));
    assertThat(empty.get("stages").get(0).get("count").asLong()).isZero();
    assertThat(empty.has("medianFirstResponseSeconds")).isFalse();
    assertThat(leads).hasSize(10);
  }

  @Test
  void givenBoard_whenPagedByStage_thenCountsFirstLeadsAndACursorForTheRest() throws Exception {
    Staff staff = register("Propiedades Tablero");
    List<String> leads = fixture(staff);

    JsonNode board = json(api.get("/api/v1/pipeline/board?limit=1", staff.token()));
    JsonNode first = board.get("stages").get(0);
    assertThat(first.get("stage").asText()).isEqualTo("new");
    assertThat(first.get("count").asLong()).isEqualTo(2);
    assertThat(first.get("items")).hasSize(1);
    String shown = first.get("items").get(0).get("id").asText();
    JsonNode rest =
        json(
            api.get(
                "/api/v1/leads?stage=new&limit=1&cursor=" + first.get("nextCursor").asText(),
                staff.token()));
    String next = rest.get("items").get(0).get("id").asText();
    assertThat(List.of(shown, next)).containsExactlyInAnyOrder(leads.get(0), leads.get(1));
    JsonNode potential = board.get("stages").get(3);
    assertThat(potential.get("stage").asText()).isEqualTo("potential");
    assertThat(potential.get("count").asLong()).isEqualTo(1);
    assertThat(potential.hasNonNull("nextCursor")).isFalse();

    assertProblem(
        api.get("/api/v1/pipeline/board?limit=0", staff.token()), 400, "pipeline.invalid");
    assertProblem(api.get("/api/v1/pipeline/board?limit=x", staff.token()), 400, "request.invalid");
    assertProblem(
        api.get("/api/v1/pipeline/metrics?stuckDays=0", staff.token()), 400, "pipeline.invalid");
    assertProblem(
        api.get("/api/v1/pipeline/metrics?weeks=53", staff.token()), 400, "pipeline.invalid");
  }

  @Test
  void givenAgent_whenBoardAsked_thenOnlyOwnAndUnassignedCounted() throws Exception {
    Staff staff = register("Propiedades Agentes");
    List<String> leads = fixture(staff);
    Staff agent = staff.agent(api, "Matías Soto");
    String agentId = agent.userId();
    String agentToken = agent.token();
    // leads 1, 3 and 5 belong to the agent; 2 and 4 to the admin; the rest are unassigned
    for (int i : new int[] {0, 2, 4}) {
      sql.execute(
          "UPDATE leads SET assigned_to = ?::uuid WHERE id = ?::uuid", agentId, leads.get(i));
    }
    for (int i : new int[] {1, 3}) {
      sql.execute(
          "UPDATE leads SET assigned_to = ?::uuid WHERE id = ?::uuid",
          staff.userId(),
          leads.get(i));
    }

    JsonNode board = json(api.get("/api/v1/pipeline/board", agentToken));
    Map<String, Long> counts = new HashMap<>();
    board.get("stages").forEach(s -> counts.put(s.get("stage").asText(), s.get("count").asLong()));
    assertThat(counts)
        .containsEntry("new", 1L)
        .containsEntry("profiling", 1L)
        .containsEntry("financial_qualification", 1L)
        .containsEntry("potential", 1L)
        .containsEntry("lost", 2L);
    JsonNode metrics = json(api.get("/api/v1/pipeline/metrics", agentToken));
    assertThat(metrics.get("conversion").get(0).get("reached").asLong()).isEqualTo(8);
  }

  private static long count(Map<String, JsonNode> stages, String stage) {
    return stages.get(stage).get("count").asLong();
  }

  private List<String> fixture(Staff staff) throws Exception {
    String[] names = {
      "Catalina Muñoz", "José Pérez", "Benjamín Soto", "Martina González", "Tomás Díaz",
      "Francisca Rojas", "Vicente Araya", "Isidora Fuentes", "Joaquín Tapia", "Antonia Vera"
    };
    List<String> ids = new ArrayList<>();
    for (String name : names) {
      HttpResponse<String> created =
          api.post(
              "/api/v1/leads", Api.JSON.writeValueAsString(Map.of("name", name)), staff.token());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      ids.add(json(created).get("id").asText());
    }
    stage(ids.get(0), "new", 2, null);
    stage(ids.get(1), "new", 20, null);
    stage(ids.get(2), "profiling", 1, null);
    stage(ids.get(3), "profiling", 30, null);
    stage(ids.get(4), "financial_qualification", 5, null);
    stage(ids.get(5), "potential", 3, null);
    stage(ids.get(6), "scheduled", 1, null);
    stage(ids.get(7), "won", 40, "scheduled");
    stage(ids.get(8), "lost", 50, "profiling");
    stage(ids.get(9), "lost", 2, "scheduled");
    budget(ids.get(0), "4000", "UF");
    budget(ids.get(2), "650000", "CLP");
    budget(ids.get(5), "5500", "UF");
    for (int i = 0; i < 3; i++) {
      sql.execute(
          "UPDATE leads SET created_at = now() - interval '7 days' WHERE id = ?::uuid", ids.get(i));
    }
    sql.execute(
        "UPDATE leads SET created_at = now() - interval '200 days' WHERE id = ?::uuid", ids.get(3));
    message(staff, ids.get(4), "inbound", "lead", 0);
    message(staff, ids.get(4), "outbound", "ai", 30);
    message(staff, ids.get(5), "inbound", "lead", 0);
    message(staff, ids.get(5), "outbound", "staff", 90);
    message(staff, ids.get(6), "inbound", "lead", 0);
    message(staff, ids.get(6), "outbound", "system", 5); // a system notice is not a reply
    message(staff, ids.get(6), "outbound", "ai", 600);
    message(staff, ids.get(7), "inbound", "lead", 0);
    message(staff, ids.get(8), "outbound", "ai", -60); // before the lead wrote: no reply to it
    message(staff, ids.get(8), "inbound", "lead", 0);
    return ids;
  }

  private void stage(String id, String stage, int days, String closedFrom) throws Exception {
    boolean closed = stage.equals("won") || stage.equals("lost");
    sql.execute(
        "UPDATE leads SET pipeline_stage = ?, stage_entered_at = now() - make_interval(days => ?::int),"
            + " status = CASE ? WHEN 'won' THEN 'converted' WHEN 'lost' THEN 'lost' ELSE status"
            + " END, closed_from_stage = ?, closed_at = CASE WHEN ?::boolean THEN now() END,"
            + " close_reason = CASE ? WHEN 'won' THEN 'purchased' WHEN 'lost' THEN"
            + " 'not_interested' END WHERE id = ?::uuid",
        stage,
        Integer.toString(days),
        stage,
        closedFrom,
        Boolean.toString(closed),
        stage,
        id);
  }

  private void budget(String id, String amount, String currency) throws Exception {
    sql.execute(
        "UPDATE leads SET lead_metadata = jsonb_build_object('budget', jsonb_build_object('value',"
            + " jsonb_build_object('amount', ?::text, 'currency', ?::text))) WHERE id = ?::uuid",
        amount,
        currency,
        id);
  }

  private void message(Staff staff, String lead, String direction, String sender, int seconds)
      throws Exception {
    sql.execute(
        "INSERT INTO chat_messages (id, broker_id, lead_id, provider, channel_user_id,"
            + " message_text, direction, sender_type, delivery_status, created_at) VALUES"
            + " (?::uuid, ?::uuid, ?::uuid, 'webchat', 'visitante-1', 'Hola', ?, ?, 'sent',"
            + " timestamptz '2026-11-20 12:00:00+00' + make_interval(secs => ?::int))",
        UUID.randomUUID().toString(),
        staff.brokerId(),
        lead,
        direction,
        sender,
        Integer.toString(seconds));
  }

  private Staff register(String name) throws Exception {
    return Staff.register(api, name);
  }
}
