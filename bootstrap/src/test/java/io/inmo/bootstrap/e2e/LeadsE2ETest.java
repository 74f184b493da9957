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
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lead book over HTTP (§4, §15 {@code /api/v1/leads}): phones normalised in region CL,
 * sensitive facts encrypted and shown only to ADMIN and the assigned AGENT, AGENT visibility,
 * filters and keyset pagination, merge-patch edits with activity and audit trails, soft delete, and
 * CSV import (per-line results, merges, all-or-nothing) and export, against a real PostgreSQL.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadsE2ETest {
  private static final String ADMIN_PASSWORD = "Providencia-Norte-2026";
  private static final String AGENT_PASSWORD = "Lastarria-Sur-1987";

  private Sql sql;
  private Inmo inmo;
  private Api api;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    this.sql = new Sql(database.dataSource());
    inmo =
        Inmo.start(
            ServerE2ETest.config(
                database,
                Map.of(
                    "INMO_REDIS_URL", redis.uri(),
                    "INMO_TRUST_PROXY", "true",
                    "INMO_JWT_SECRET", "secreto-de-firma-para-pruebas-e2e-de-leads")));
    api = new Api(URI.create("http://127.0.0.1:" + inmo.port()));
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenLocalPhoneAndSensitiveFacts_whenCreated_thenNormalisedEncryptedAndShown()
      throws Exception {
    Broker broker = register("Propiedades Ñuñoa");

    HttpResponse<String> created =
        api.post(
            "/api/v1/leads",
            Api.JSON.writeValueAsString(
                Map.of(
                    "name", "María José Pérez",
                    "phone", "9 8765 4321",
                    "email", "MJ.Perez@Gmail.com",
                    "tags", List.of("Inversionista", "referido"),
                    "facts",
                        Map.of(
                            "location", "Ñuñoa",
                            "operation", "buy",
                            "propertyType", "apartment",
                            "bedrooms", 3,
                            "budget", Map.of("amount", 5000, "currency", "UF"),
                            "monthlyIncome", Map.of("amount", 2_500_000, "currency", "CLP"),
                            "dicomStatus", "clean"))),
            broker.token());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode lead = json(created);
    String id = lead.get("id").asText();
    assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/api/v1/leads/" + id);
    assertThat(lead.get("phone").asText()).isEqualTo("+56987654321");
    assertThat(lead.get("email").asText()).isEqualTo("mj.perez@gmail.com");
    // scored by the documented formula with the default weights (PRODUCT §5): every weighted
    // fact known, income ≥ 1,000,000 and DICOM clean → 100, hot, qualified; and advanced
    // new → profiling → financial_qualification → potential in one recompute (§6)
    assertThat(lead.get("score").asInt()).isEqualTo(100);
    Map<String, Integer> components = new LinkedHashMap<>();
    lead.get("scoreComponents")
        .forEach(c -> components.put(c.get("factor").asText(), c.get("points").asInt()));
    assertThat(components)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "name", 10,
                "phone", 15,
                "email", 10,
                "location", 15,
                "budget", 20,
                "monthly_income", 15,
                "dicom_status", 15));
    assertThat(lead.get("status").asText()).isEqualTo("hot");
    assertThat(lead.get("qualification").asText()).isEqualTo("QUALIFIED");
    assertThat(lead.get("stage").asText()).isEqualTo("potential");
    assertThat(lead.get("facts").get("budget").get("currency").asText()).isEqualTo("UF");
    assertThat(lead.get("facts").get("monthlyIncome").get("amount").asLong()).isEqualTo(2_500_000);
    assertThat(lead.get("facts").get("dicomStatus").asText()).isEqualTo("clean");
    assertThat(lead.get("sensitiveFactsHidden").asBoolean()).isFalse();
    assertThat(lead.get("tags").toString()).isEqualTo("[\"inversionista\",\"referido\"]");
    assertThat(channels(lead)).containsExactlyInAnyOrder("phone", "email");

    String stored = sql.text("SELECT sensitive_metadata FROM leads WHERE id = ?::uuid", id);
    assertThat(stored).startsWith("enc:v1:").doesNotContain("2500000").doesNotContain("clean");
    assertThat(sql.text("SELECT lead_metadata::text FROM leads WHERE id = ?::uuid", id))
        .contains("Ñuñoa")
        .doesNotContain("2500000");

    JsonNode read = json(api.get("/api/v1/leads/" + id, broker.token()));
    assertThat(read.get("facts").get("monthlyIncome").get("amount").asLong()).isEqualTo(2_500_000);

    // the same person written another way is the same lead
    assertProblem(
        api.post(
            "/api/v1/leads",
            Api.JSON.writeValueAsString(Map.of("name", "Otra", "phone", "+56 9 8765 4321")),
            broker.token()),
        409,
        "lead.identity_taken");
    assertProblem(
        api.post(
            "/api/v1/leads",
            Api.JSON.writeValueAsString(Map.of("name", "Otra", "phone", "56987654321")),
            broker.token()),
        409,
        "lead.identity_taken");
    assertProblem(
        api.post(
            "/api/v1/leads",
            Api.JSON.writeValueAsString(Map.of("name", "Otra", "email", "mj.perez@gmail.com")),
            broker.token()),
        409,
        "lead.identity_taken");
    assertThat(sql.count("SELECT count(*) FROM leads WHERE broker_id = ?::uuid", broker.id()))
        .isEqualTo(1);
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE broker_id = ?::uuid AND action = 'lead.create'",
                broker.id()))
        .isEqualTo(1);
  }

  @Test
  void givenBrokerHidingUnassignedLeads_whenAgentLooks_thenOnlyOwnLeads() throws Exception {
    Broker broker = register("Corredora Reservada");
    String camila = createAgent(broker, "Camila Rojas");
    String camilaToken = login(broker, "Camila Rojas");
    String own = createLead(broker.token(), Map.of("name", "Lead de Camila", "assignedTo", camila));
    String free = createLead(broker.token(), Map.of("name", "Lead sin asignar"));
    assertThat(names(json(api.get("/api/v1/leads", camilaToken))))
        .containsExactlyInAnyOrder("Lead de Camila", "Lead sin asignar");

    JsonNode config = json(api.get("/api/v1/broker/config/lead", broker.token()));
    Map<String, Object> hidden = new LinkedHashMap<>();
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
      hidden.put(field, Api.JSON.treeToValue(config.get(field), Object.class));
    }
    hidden.put("agentsSeeUnassigned", false);
    HttpResponse<String> put =
        api.exchange("PUT", "/api/v1/broker/config/lead", hidden, broker.token());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

    assertThat(names(json(api.get("/api/v1/leads", camilaToken))))
        .containsExactly("Lead de Camila");
    assertThat(names(json(api.get("/api/v1/leads?assignedTo=none", camilaToken)))).isEmpty();
    assertThat(names(json(api.get("/api/v1/leads?q=asignar", camilaToken)))).isEmpty();
    assertProblem(api.get("/api/v1/leads/" + free, camilaToken), 404, "lead.not_found");
    assertProblem(
        api.post(
            "/api/v1/leads/" + free + "/assign",
            Api.JSON.writeValueAsString(Map.of("assignedTo", camila)),
            camilaToken),
        404,
        "lead.not_found");
    assertThat(json(api.get("/api/v1/leads/" + own, camilaToken)).get("name").asText())
        .isEqualTo("Lead de Camila");
    // the ADMIN still sees the whole book
    assertThat(names(json(api.get("/api/v1/leads", broker.token()))))
        .containsExactlyInAnyOrder("Lead de Camila", "Lead sin asignar");
  }

  @Test
  void givenAgent_whenListingAndEditing_thenOnlyOwnAndUnassignedAndNoForeignSecrets()
      throws Exception {
    Broker broker = register("Corredora Vitacura");
    String camila = createAgent(broker, "Camila Rojas");
    String diego = createAgent(broker, "Diego Fuentes");
    String camilaToken = login(broker, "Camila Rojas");
    Map<String, Object> secrets =
        Map.of("monthlyIncome", Map.of("amount", 1_800_000), "dicomStatus", "has_debt");
    String own =
        createLead(
            broker.token(),
            Map.of("name", "Lead de Camila", "assignedTo", camila, "facts", secrets));
    String free = createLead(broker.token(), Map.of("name", "Lead libre", "facts", secrets));
    String other = createLead(broker.token(), Map.of("name", "Lead de Diego", "assignedTo", diego));

    JsonNode list = json(api.get("/api/v1/leads", camilaToken));
    assertThat(names(list)).containsExactlyInAnyOrder("Lead de Camila", "Lead libre");

    JsonNode mine = json(api.get("/api/v1/leads/" + own, camilaToken));
    assertThat(mine.get("facts").get("monthlyIncome").get("amount").asLong()).isEqualTo(1_800_000);
    JsonNode unassigned = json(api.get("/api/v1/leads/" + free, camilaToken));
    assertThat(unassigned.get("sensitiveFactsHidden").asBoolean()).isTrue();
    assertThat(unassigned.get("facts").has("monthlyIncome")).isFalse();
    assertThat(unassigned.get("facts").has("dicomStatus")).isFalse();
    for (JsonNode item : list.get("items")) {
      if (item.get("id").asText().equals(free)) {
        assertThat(item.get("sensitiveFactsHidden").asBoolean()).isTrue();
        assertThat(item.get("facts").toString())
            .doesNotContain("1800000")
            .doesNotContain("has_debt");
      }
    }

    assertProblem(api.get("/api/v1/leads/" + other, camilaToken), 404, "lead.not_found");
    assertProblem(
        patch(
            "/api/v1/leads/" + free,
            Map.of("facts", Map.of("debtAmount", Map.of("amount", 1))),
            camilaToken),
        403,
        "auth.forbidden");
    assertProblem(
        api.post(
            "/api/v1/leads/" + free + "/assign", "{\"assignedTo\":\"" + diego + "\"}", camilaToken),
        403,
        "auth.forbidden");
    assertProblem(
        api.exchange("DELETE", "/api/v1/leads/" + own, null, camilaToken), 403, "auth.forbidden");
    assertProblem(
        api.getAccepting("/api/v1/leads/export", "text/csv", camilaToken), 403, "auth.forbidden");

    HttpResponse<String> claimed =
        api.post(
            "/api/v1/leads/" + free + "/assign",
            "{\"assignedTo\":\"" + camila + "\"}",
            camilaToken);
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
    assertThat(json(claimed).get("assignedTo").asText()).isEqualTo(camila);
    assertThat(json(claimed).get("facts").get("dicomStatus").asText()).isEqualTo("has_debt");

    // an AGENT creating a lead owns it
    JsonNode created =
        json(api.post("/api/v1/leads", "{\"name\":\"Contacto de feria\"}", camilaToken));
    assertThat(created.get("assignedTo").asText()).isEqualTo(camila);

    // the activity log tells the story of the claimed lead
    JsonNode activity = json(api.get("/api/v1/leads/" + free + "/activity", broker.token()));
    // name 10 + income ≥ 1,000,000 15; DICOM has_debt with the debt unknown earns nothing → 25
    assertThat(types(activity)).containsExactly("assigned", "score_changed", "lead_created");
    assertThat(activity.get("items").get(0).get("details").get("to").asText()).isEqualTo(camila);
  }

  @Test
  void givenManyLeads_whenFilteredSearchedAndPaged_thenEveryLeadOnceInOrder() throws Exception {
    Broker broker = register("Inmobiliaria La Reina");
    String[] names = {
      "Catalina Muñoz",
      "José Ignacio Pérez",
      "Benjamín Soto",
      "Martina González",
      "Tomás Díaz",
      "Florencia Araya",
      "Vicente Reyes"
    };
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      ids.add(
          createLead(broker.token(), Map.of("name", names[i], "phone", "9 5555 10" + (10 + i))));
      sql.execute(
          "UPDATE leads SET lead_score = "
              + (i * 15)
              + ", status = '"
              + (i < 3 ? "cold" : "warm")
              + "', pipeline_stage = 'new' WHERE id = ?::uuid",
          ids.get(i));
    }

    // pages of 3 read every lead exactly once, newest first
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          json(
              api.get(
                  "/api/v1/leads?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                  broker.token()));
      page.get("items").forEach(item -> seen.add(item.get("id").asText()));
      cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
      pages++;
    } while (cursor != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(ids.reversed());

    // score range sorted by score, paged
    JsonNode top =
        json(api.get("/api/v1/leads?minScore=30&maxScore=80&sort=-score&limit=2", broker.token()));
    assertThat(names(top)).containsExactly("Florencia Araya", "Tomás Díaz");
    JsonNode next =
        json(
            api.get(
                "/api/v1/leads?minScore=30&maxScore=80&sort=-score&limit=2&cursor="
                    + top.get("nextCursor").asText(),
                broker.token()));
    assertThat(names(next)).containsExactly("Martina González", "Benjamín Soto");
    assertThat(next.hasNonNull("nextCursor")).isFalse();
    assertProblem(
        api.get(
            "/api/v1/leads?sort=score&cursor=" + top.get("nextCursor").asText(), broker.token()),
        400,
        "lead.cursor_invalid");

    assertThat(names(json(api.get("/api/v1/leads?q=munoz", broker.token()))))
        .containsExactly("Catalina Muñoz");
    assertThat(names(json(api.get("/api/v1/leads?q=JOSE%20IGN", broker.token()))))
        .containsExactly("José Ignacio Pérez");
    assertThat(names(json(api.get("/api/v1/leads?q=5555%201012", broker.token()))))
        .containsExactly("Benjamín Soto");
    assertThat(names(json(api.get("/api/v1/leads?q=%25", broker.token())))).isEmpty();
    assertThat(names(json(api.get("/api/v1/leads?status=warm&stage=new", broker.token()))))
        .hasSize(4);
    assertThat(names(json(api.get("/api/v1/leads?channel=phone&status=cold", broker.token()))))
        .hasSize(3);
    assertThat(names(json(api.get("/api/v1/leads?channel=telegram", broker.token())))).isEmpty();
    assertThat(names(json(api.get("/api/v1/leads?assignedTo=none", broker.token())))).hasSize(7);
    assertThat(
            names(
                json(
                    api.get(
                        "/api/v1/leads?createdFrom=2000-01-01&createdTo=2001-01-01",
                        broker.token()))))
        .isEmpty();

    assertProblem(api.get("/api/v1/leads?limit=201", broker.token()), 400, "request.invalid");
    assertProblem(api.get("/api/v1/leads?limit=abc", broker.token()), 400, "request.invalid");
    assertProblem(api.get("/api/v1/leads?status=tibio", broker.token()), 400, "request.invalid");
    assertProblem(
        api.get("/api/v1/leads?minScore=90&maxScore=10", broker.token()), 400, "request.invalid");
    assertProblem(
        api.get("/api/v1/leads?createdFrom=ayer", broker.token()), 400, "request.invalid");
    assertProblem(
        api.get("/api/v1/leads?cursor=bm9wZQ", broker.token()), 400, "lead.cursor_invalid");
  }

  @Test
  void givenLead_whenPatchedAndDeleted_thenIdentitiesFollowAndTrailsAreWritten() throws Exception {
    Broker broker = register("Corredora Providencia");
    String id =
        createLead(
            broker.token(),
            Map.of(
                "name", "Ignacio Vargas",
                "phone", "+56 9 1111 2222",
                "email", "ignacio@vargas.cl",
                "facts", Map.of("location", "Providencia", "bedrooms", 2)));

    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("phone", "9 3333 4444");
    changes.put("email", null);
    changes.put("notes", "Prefiere que lo llamen después de las 18:00");
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("bedrooms", null);
    facts.put("timeline", "30_days");
    changes.put("facts", facts);
    HttpResponse<String> patched = patch("/api/v1/leads/" + id, changes, broker.token());

    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    JsonNode lead = json(patched);
    assertThat(lead.get("phone").asText()).isEqualTo("+56933334444");
    assertThat(lead.has("email")).isFalse();
    assertThat(lead.get("facts").has("bedrooms")).isFalse();
    assertThat(lead.get("facts").get("timeline").asText()).isEqualTo("30_days");
    assertThat(lead.get("facts").get("location").asText()).isEqualTo("Providencia");
    assertThat(channels(lead)).containsExactly("phone");
    // the old phone and e-mail are free again
    createLead(
        broker.token(),
        Map.of("name", "Nuevo dueño", "phone", "9 1111 2222", "email", "ignacio@vargas.cl"));

    List<String> timeline =
        types(json(api.get("/api/v1/leads/" + id + "/activity", broker.token())));
    assertThat(timeline).contains("facts_updated", "lead_updated", "score_changed");
    assertThat(timeline.getLast()).isEqualTo("lead_created");
    assertThat(
            sql.text(
                "SELECT after_summary::text FROM audit_logs WHERE resource_id = ? AND action = 'lead.update'",
                id))
        .contains("+56933334444")
        .contains("factsChanged");

    assertProblem(
        patch("/api/v1/leads/" + id, Map.of("phone", "12"), broker.token()),
        400,
        "lead.phone_invalid");
    assertProblem(
        patch("/api/v1/leads/" + id, Map.of("email", "no-es-correo"), broker.token()),
        400,
        "lead.email_invalid");
    assertProblem(
        patch("/api/v1/leads/" + id, Map.of("facts", Map.of("bedrooms", 99)), broker.token()),
        400,
        "request.invalid");
    assertProblem(
        patch("/api/v1/leads/" + id, Map.of("facts", Map.of("color", "azul")), broker.token()),
        400,
        "request.invalid");
    assertProblem(
        patch("/api/v1/leads/" + id, Map.of("sueldo", 1), broker.token()), 400, "request.invalid");
    assertProblem(patch("/api/v1/leads/" + id, Map.of(), broker.token()), 400, "request.invalid");
    assertProblem(
        patch(
            "/api/v1/leads/" + id,
            Map.of("assignedTo", UUID.randomUUID().toString()),
            broker.token()),
        400,
        "lead.assignee_invalid");

    HttpResponse<String> deleted =
        api.exchange("DELETE", "/api/v1/leads/" + id, null, broker.token());
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertProblem(api.get("/api/v1/leads/" + id, broker.token()), 404, "lead.not_found");
    assertProblem(
        api.exchange("DELETE", "/api/v1/leads/" + id, null, broker.token()), 404, "lead.not_found");
    assertThat(names(json(api.get("/api/v1/leads", broker.token()))))
        .containsExactly("Nuevo dueño");
    assertThat(
            sql.count(
                "SELECT count(*) FROM leads WHERE id = ?::uuid AND deleted_at IS NOT NULL", id))
        .isEqualTo(1);
    createLead(broker.token(), Map.of("name", "Reutiliza el número", "phone", "+56933334444"));
    assertProblem(api.get("/api/v1/leads/no-es-un-id", broker.token()), 404, "lead.not_found");
  }

  @Test
  void givenTenThousandLineCsv_whenImported_thenGoodLinesInBadLinesReportedDuplicatesMerged()
      throws Exception {
    Broker broker = register("Propiedades del Sur");
    String existing =
        createLead(
            broker.token(), Map.of("name", "Rodrigo Tapia", "email", "rodrigo.tapia@correo.cl"));
    StringBuilder csv =
        new StringBuilder(
            "name,phone,email,location,operation,propertyType,budget,budgetCurrency,monthlyIncome,tags\n");
    Set<Long> badLines = new HashSet<>();
    int lines = 10_000;
    for (int i = 0; i < lines; i++) {
      long line = i + 2;
      if (i % 1000 == 17) {
        csv.append("Sin Teléfono ").append(i).append(",12,,,,,,,,\n"); // invalid phone
        badLines.add(line);
      } else if (i % 1000 == 555) {
        csv.append("Columnas De Menos,9 1234 0000\n");
        badLines.add(line);
      } else if (i % 1000 == 777) {
        csv.append("Presupuesto Raro ")
            .append(i)
            .append(",,x")
            .append(i)
            .append("@correo.cl,,,,muchos,UF,,\n");
        badLines.add(line);
      } else if (i == 4242) {
        // the same phone as line 2, spelled differently: merged into that lead
        csv.append("Ana Duplicada,+56 9 7000 0000,,Temuco,arriendo,casa,,,,\"sur;vip\"\n");
      } else if (i == 4243) {
        // an existing lead's e-mail: merged, the known name kept, the phone added
        csv.append(
            "R. Tapia,9 6999 9999,RODRIGO.TAPIA@correo.cl,Puerto Montt,compra,Departamento,3.500,,\"1.800.000\",\n");
      } else {
        csv.append("Lead ")
            .append(i)
            .append(" Muñoz,")
            .append("9 ")
            .append(7000 + i / 10_000)
            .append(' ')
            .append(String.format("%04d", i))
            .append(",lead")
            .append(i)
            .append("@correo.cl,Ñuñoa,buy,apartment,")
            .append(3000 + i)
            .append(",UF,,\n");
      }
    }

    long started = System.nanoTime();
    HttpResponse<String> response =
        api.postBytes(
            "/api/v1/leads/import",
            "text/csv",
            csv.toString().getBytes(StandardCharsets.UTF_8),
            broker.token());
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "[leads-import] %d lines in %d ms: %.0f lines/s%n", lines, millis, lines * 1000.0 / millis);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode report = json(response);
    assertThat(report.get("failed").asInt()).isEqualTo(badLines.size());
    assertThat(report.get("merged").asInt()).isEqualTo(2);
    assertThat(report.get("created").asInt()).isEqualTo(lines - badLines.size() - 2);
    assertThat(report.get("lines")).hasSize(lines);
    Set<Long> reported = new HashSet<>();
    for (JsonNode line : report.get("lines")) {
      if (line.get("result").asText().equals("error")) {
        reported.add(line.get("line").asLong());
        assertThat(line.get("errors")).isNotEmpty();
      }
    }
    assertThat(reported).isEqualTo(badLines);
    JsonNode bad = report.get("lines").get(17);
    assertThat(bad.get("line").asLong()).isEqualTo(19);
    assertThat(bad.get("errors").get(0).asText()).startsWith("phone: no es un teléfono válido");
    assertThat(report.get("lines").get(555).get("errors").get(0).asText()).contains("columnas");
    assertThat(report.get("lines").get(777).get("errors").get(0).asText()).startsWith("budget:");

    JsonNode ana = report.get("lines").get(4242);
    assertThat(ana.get("result").asText()).isEqualTo("merged");
    assertThat(ana.get("leadId").asText())
        .isEqualTo(report.get("lines").get(0).get("leadId").asText());
    JsonNode merged = json(api.get("/api/v1/leads/" + ana.get("leadId").asText(), broker.token()));
    assertThat(merged.get("name").asText()).isEqualTo("Lead 0 Muñoz");
    assertThat(merged.get("facts").get("location").asText()).isEqualTo("Temuco");
    assertThat(merged.get("facts").get("operation").asText()).isEqualTo("rent");
    assertThat(merged.get("tags").toString()).isEqualTo("[\"sur\",\"vip\"]");

    JsonNode tapia = report.get("lines").get(4243);
    assertThat(tapia.get("result").asText()).isEqualTo("merged");
    assertThat(tapia.get("leadId").asText()).isEqualTo(existing);
    JsonNode rodrigo = json(api.get("/api/v1/leads/" + existing, broker.token()));
    assertThat(rodrigo.get("name").asText()).isEqualTo("Rodrigo Tapia");
    assertThat(rodrigo.get("phone").asText()).isEqualTo("+56969999999");
    assertThat(rodrigo.get("facts").get("budget").get("amount").asInt()).isEqualTo(3500);
    assertThat(rodrigo.get("facts").get("budget").get("currency").asText()).isEqualTo("UF");
    assertThat(rodrigo.get("facts").get("monthlyIncome").get("amount").asLong())
        .isEqualTo(1_800_000);

    long live =
        sql.count(
            "SELECT count(*) FROM leads WHERE broker_id = ?::uuid AND deleted_at IS NULL",
            broker.id());
    assertThat(live).isEqualTo(1 + lines - badLines.size() - 2);
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE broker_id = ?::uuid AND action = 'lead.import'",
                broker.id()))
        .isEqualTo(1);

    // export: every live lead once, header first, Excel-friendly
    long exportStarted = System.nanoTime();
    HttpResponse<String> export =
        api.getAccepting("/api/v1/leads/export", "text/csv", broker.token());
    long exportMillis = (System.nanoTime() - exportStarted) / 1_000_000;
    System.out.printf(
        "[leads-export] %d rows in %d ms: %.0f rows/s%n",
        live, exportMillis, live * 1000.0 / exportMillis);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment");
    String[] rows = export.body().split("\r\n");
    assertThat(rows[0]).startsWith("\uFEFFid,name,phone,email,status,score,stage");
    assertThat(rows).hasSize((int) live + 1);
    assertThat(export.body()).contains("+56969999999").contains("Lead 9999 Muñoz");
  }

  @Test
  void givenBrokenFiles_whenImported_thenNothingIsApplied() throws Exception {
    Broker broker = register("Corredora Atómica");
    long before = sql.count("SELECT count(*) FROM leads WHERE broker_id = ?::uuid", broker.id());

    assertProblem(
        api.postBytes(
            "/api/v1/leads/import",
            "text/csv",
            "apodo,signo zodiacal\nAnita,Leo\n".getBytes(StandardCharsets.UTF_8),
            broker.token()),
        400,
        "lead.import_header");
    assertProblem(
        api.postBytes("/api/v1/leads/import", "text/csv", new byte[0], broker.token()),
        400,
        "lead.import_empty");

    // 3,000 good lines, then bytes that are not UTF-8: the whole file is refused
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("name,phone\n".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 3000; i++) {
      body.writeBytes(
          ("Cliente "
                  + i
                  + ",9 6"
                  + String.format("%03d", i % 1000)
                  + " "
                  + String.format("%04d", i)
                  + "\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(new byte[] {'J', 'o', 's', (byte) 0xE9, ',', '9', '\n'}); // Latin-1 "José"
    assertProblem(
        api.postBytes("/api/v1/leads/import", "text/csv", body.toByteArray(), broker.token()),
        400,
        "lead.import_encoding");
    assertThat(sql.count("SELECT count(*) FROM leads WHERE broker_id = ?::uuid", broker.id()))
        .isEqualTo(before);

    // Excel in Spanish: BOM, semicolons, Spanish words; an unclosed quote ends the readable part
    String excel =
        "\uFEFFName;Phone;Email;PropertyType;Operation;Financing\n"
            + "Paula Contreras;(2) 2345 6789;;Casa;Arriendo;Contado\n"
            + "\"Luis \"Lucho\" Vera;9 4444 5555;;;;\n";
    HttpResponse<String> imported =
        api.postBytes(
            "/api/v1/leads/import",
            "text/csv",
            excel.getBytes(StandardCharsets.UTF_8),
            broker.token());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    JsonNode report = json(imported);
    assertThat(report.get("created").asInt()).isEqualTo(1);
    assertThat(report.get("failed").asInt()).isEqualTo(1);
    assertThat(report.get("lines").get(1).get("line").asInt()).isEqualTo(3);
    JsonNode paula =
        json(
            api.get(
                "/api/v1/leads/" + report.get("lines").get(0).get("leadId").asText(),
                broker.token()));
    assertThat(paula.get("phone").asText()).isEqualTo("+56223456789");
    assertThat(paula.get("facts").get("propertyType").asText()).isEqualTo("house");
    assertThat(paula.get("facts").get("operation").asText()).isEqualTo("rent");
    assertThat(paula.get("facts").get("financing").asText()).isEqualTo("cash");
  }

  @Test
  void givenSpreadsheetWithSpanishHeaders_whenImported_thenColumnsRecognised() throws Exception {
    Broker broker = register("Corredora Castellana");
    String planilla =
        "\uFEFFNombre;Teléfono;Correo electrónico;Comuna;Presupuesto;Moneda;Renta líquida;DICOM\n"
            + "Ignacio Valdés;9 7654 3210;ignacio.valdes@gmail.com;Ñuñoa;4500;UF;1800000;limpio\n";
    HttpResponse<String> imported =
        api.postBytes(
            "/api/v1/leads/import",
            "text/csv",
            planilla.getBytes(StandardCharsets.UTF_8),
            broker.token());

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    JsonNode report = json(imported);
    assertThat(report.get("created").asInt()).as(report.toString()).isEqualTo(1);
    JsonNode lead =
        json(
            api.get(
                "/api/v1/leads/" + report.get("lines").get(0).get("leadId").asText(),
                broker.token()));
    assertThat(lead.get("name").asText()).isEqualTo("Ignacio Valdés");
    assertThat(lead.get("phone").asText()).isEqualTo("+56976543210");
    assertThat(lead.get("email").asText()).isEqualTo("ignacio.valdes@gmail.com");
    assertThat(lead.get("facts").get("location").asText()).isEqualTo("Ñuñoa");
    assertThat(lead.get("facts").get("dicomStatus").asText()).isEqualTo("clean");

    assertProblem(
        api.postBytes(
            "/api/v1/leads/import",
            "text/csv",
            "Nombre;Teléfono;Signo zodiacal\nAna;9 1111 2222;Leo\n"
                .getBytes(StandardCharsets.UTF_8),
            broker.token()),
        400,
        "lead.import_header");
  }

  @Test
  void givenFormulaInName_whenExported_thenDefusedAndReimportedAsWritten() throws Exception {
    Broker broker = register("Corredora Segura");
    createLead(
        broker.token(),
        Map.of("name", "=HYPERLINK(\"http://malo.cl\",\"clic\")", "phone", "9 2222 3333"));

    String csv = api.getAccepting("/api/v1/leads/export", "text/csv", broker.token()).body();

    assertThat(csv).contains("\"'=HYPERLINK(\"\"http://malo.cl\"\",\"\"clic\"\")\"");
    assertThat(csv).contains(",+56922223333,");
  }

  @Test
  void givenSuperadmin_whenReadingABrokersLeads_thenBrokerMustBeNamedAndEveryReadIsAudited()
      throws Exception {
    Broker broker = register("Corredora Supervisada");
    String id =
        createLead(broker.token(), Map.of("name", "Francisca Herrera", "phone", "9 4321 8765"));
    var platform = inmo.firstAdmin().orElseThrow();
    String root =
        json(api.post(
                "/api/v1/auth/login",
                Map.of("email", platform.email().value(), "password", platform.password())))
            .get("accessToken")
            .asText();

    assertProblem(api.get("/api/v1/leads", root), 400, "lead.broker_required");
    assertProblem(
        api.get("/api/v1/leads?brokerId=" + UUID.randomUUID(), root), 404, "broker.not_found");
    JsonNode list = json(api.get("/api/v1/leads?brokerId=" + broker.id(), root));
    JsonNode lead = json(api.get("/api/v1/leads/" + id + "?brokerId=" + broker.id(), root));

    assertThat(names(list)).containsExactly("Francisca Herrera");
    assertThat(lead.get("phone").asText()).isEqualTo("+56943218765");
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE broker_id = ?::uuid"
                    + " AND action IN ('lead.list', 'lead.read')",
                broker.id()))
        .isEqualTo(2);
    // the broker's own staff reading is not a platform access: not audited as one
    json(api.get("/api/v1/leads", broker.token()));
    assertThat(
            sql.count(
                "SELECT count(*) FROM audit_logs WHERE broker_id = ?::uuid AND action = 'lead.list'",
                broker.id()))
        .isEqualTo(1);
  }

  // ---- helpers ----

  @Test
  void givenSimultaneousEditsOfOneLead_whenTheyRace_thenLosersGet409AndNothingHalfWritten()
      throws Exception {
    Broker broker = register("Corredora Concurrida");
    String id =
        createLead(broker.token(), Map.of("name", "Rodrigo Fuentes", "phone", "9 5566 7788"));
    List<String> accepted = new ArrayList<>();
    int conflicts = 0;
    for (int round = 0; round < 10 && conflicts == 0; round++) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      List<String> tried = new ArrayList<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int n = 0; n < 8; n++) {
          String name = "Rodrigo Fuentes " + round + "-" + n;
          tried.add(name);
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    return patch("/api/v1/leads/" + id, Map.of("name", name), broker.token());
                  }));
        }
        start.countDown();
        for (int n = 0; n < futures.size(); n++) {
          HttpResponse<String> response = futures.get(n).get(30, TimeUnit.SECONDS);
          if (response.statusCode() == 200) {
            accepted.add(tried.get(n));
          } else {
            assertProblem(response, 409, "conflict.concurrent_change");
            conflicts++;
          }
        }
      }
    }

    assertThat(conflicts).as("some of 8 simultaneous edits lose the race").isPositive();
    JsonNode lead = json(api.get("/api/v1/leads/" + id, broker.token()));
    assertThat(accepted).contains(lead.get("name").asText());
    // one activity entry per accepted edit, none for the rolled-back ones
    JsonNode activity =
        json(api.get("/api/v1/leads/" + id + "/activity?limit=200", broker.token()));
    assertThat(types(activity).stream().filter(type -> type.equals("lead_updated")).count())
        .isEqualTo(accepted.size());
  }

  private record Broker(String id, String adminId, String token, String suffix) {}

  private Broker register(String name) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> response =
        api.post(
            "/api/v1/auth/register",
            Map.of(
                "brokerName",
                name + " " + suffix,
                "name",
                "Valentina Soto",
                "email",
                "valentina." + suffix + "@corredora.cl",
                "password",
                ADMIN_PASSWORD));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode body = json(response);
    return new Broker(
        body.get("user").get("brokerId").asText(),
        body.get("user").get("id").asText(),
        body.get("accessToken").asText(),
        suffix);
  }

  private String createAgent(Broker broker, String name) throws Exception {
    HttpResponse<String> response =
        api.post(
            "/api/v1/users",
            Api.JSON.writeValueAsString(
                Map.of(
                    "name",
                    name,
                    "email",
                    agentEmail(broker, name),
                    "role",
                    "AGENT",
                    "password",
                    AGENT_PASSWORD)),
            broker.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).get("id").asText();
  }

  private String login(Broker broker, String name) throws Exception {
    HttpResponse<String> response =
        api.post(
            "/api/v1/auth/login",
            Map.of("email", agentEmail(broker, name), "password", AGENT_PASSWORD));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).get("accessToken").asText();
  }

  private static String agentEmail(Broker broker, String name) {
    return name.toLowerCase().replace(' ', '.') + "." + broker.suffix() + "@corredora.cl";
  }

  private String createLead(String token, Map<String, ?> body) throws Exception {
    HttpResponse<String> response =
        api.post("/api/v1/leads", Api.JSON.writeValueAsString(body), token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).get("id").asText();
  }

  private HttpResponse<String> patch(String path, Map<String, ?> body, String token)
      throws Exception {
    return api.exchange("PATCH", path, body, token);
  }

  private static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.get("items").forEach(item -> names.add(item.path("name").asText()));
    return names;
  }

  private static List<String> types(JsonNode list) {
    List<String> types = new ArrayList<>();
    list.get("items").forEach(item -> types.add(item.get("type").asText()));
    return types;
  }

  private static List<String> channels(JsonNode lead) {
    List<String> channels = new ArrayList<>();
    lead.get("identities").forEach(identity -> channels.add(identity.get("channel").asText()));
    return channels;
  }
}
