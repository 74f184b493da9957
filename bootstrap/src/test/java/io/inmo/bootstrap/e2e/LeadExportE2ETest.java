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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CSV export filtered as the lead list is ({@code GET /api/v1/leads/export?…}): for every
 * filter the export holds exactly the leads the list shows, in the list's order when sorted; bad
 * filters answer as the list does; the audit entry names the filters.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadExportE2ETest {
  private Inmo inmo;
  private Api api;
  private Staff admin;
  private Staff ignacio;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) throws Exception {
    inmo = Staff.server(database, redis, "secreto-de-firma-para-pruebas-e2e-de-exportacion");
    api = new Api(URI.create("http://127.0.0.1:" + inmo.port()));
    admin = Staff.register(api, "Propiedades Ñuñoa");
    ignacio = admin.agent(api, "Ignacio Carrasco");
    createLead(
        Map.of(
            "name", "María José Pérez",
            "phone", "9 8765 4321",
            "email", "mj.perez@gmail.com",
            "facts",
                Map.of(
                    "location",
                    "Ñuñoa",
                    "budget",
                    Map.of("amount", 5000, "currency", "UF"),
                    "monthlyIncome",
                    Map.of("amount", 2_500_000, "currency", "CLP"),
                    "dicomStatus",
                    "clean")));
    createLead(
        Map.of("name", "Catalina Muñoz", "phone", "9 1111 0001", "assignedTo", ignacio.userId()));
    createLead(
        Map.of(
            "name", "Benjamín Soto", "email", "bsoto@correo.cl", "assignedTo", ignacio.userId()));
    createLead(Map.of("name", "Martina González", "phone", "9 1111 0002"));
    createLead(Map.of("name", "Tomás Muñoz", "phone", "9 2222 0003"));
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenTheListsFilters_whenExporting_thenExactlyTheLeadsTheListShows() throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    List<String> filters =
        List.of(
            "status=hot",
            "status=cold",
            "stage=potential",
            "minScore=50",
            "maxScore=40",
            "assignedTo=" + ignacio.userId(),
            "assignedTo=none",
            "channel=email",
            "channel=phone",
            "channel=webchat",
            "stale=false",
            "stale=true",
            "q=munoz",
            "q=" + encode("9 1111"),
            "createdFrom=" + today,
            "createdTo=2020-01-01",
            "status=cold&assignedTo=none&channel=phone");
    List<String> all = ids(api.get("/api/v1/leads?limit=200", admin.token()));
    assertThat(all).hasSize(5);

    for (String filter : filters) {
      List<String> listed = ids(api.get("/api/v1/leads?limit=200&" + filter, admin.token()));
      List<String> exported = exportIds(filter);
      assertThat(exported).as(filter).containsExactlyInAnyOrderElementsOf(listed);
    }
    // the filters do filter (a vacuous pass would export everything every time)
    assertThat(exportIds("q=munoz")).hasSize(2);
    assertThat(exportIds("assignedTo=" + ignacio.userId())).hasSize(2);
    assertThat(exportIds("assignedTo=none")).hasSize(3);
    assertThat(exportIds("status=hot")).hasSize(1);
    assertThat(exportIds("createdTo=2020-01-01")).isEmpty();
    assertThat(exportIds("")).containsExactlyInAnyOrderElementsOf(all);
  }

  @Test
  void givenASort_whenExporting_thenRowsInTheListsOrder() throws Exception {
    for (String sort : List.of("-score", "score", "-createdAt", "createdAt")) {
      List<String> listed = ids(api.get("/api/v1/leads?limit=200&sort=" + sort, admin.token()));
      assertThat(exportIds("sort=" + sort)).as(sort).containsExactlyElementsOf(listed);
    }
    // without a sort the export stays oldest first, as before
    assertThat(exportIds(""))
        .containsExactlyElementsOf(
            ids(api.get("/api/v1/leads?limit=200&sort=createdAt", admin.token())));
  }

  @Test
  void givenBadFilters_whenExporting_thenTheListsProblems() throws Exception {
    for (String bad :
        List.of(
            "status=tibio",
            "stage=visita",
            "channel=fax",
            "minScore=alto",
            "minScore=101",
            "minScore=80&maxScore=20",
            "assignedTo=ignacio",
            "stale=quizas",
            "createdFrom=ayer",
            "sort=nombre",
            "q=" + "x".repeat(101),
            "brokerId=propiedades-nunoa")) {
      HttpResponse<String> list = api.get("/api/v1/leads?" + bad, admin.token());
      HttpResponse<String> export =
          api.getAccepting("/api/v1/leads/export?" + bad, "text/csv", admin.token());
      assertProblem(list, 400, "request.invalid");
      assertProblem(export, 400, "request.invalid");
    }
    assertProblem(
        api.getAccepting("/api/v1/leads/export?status=hot", "text/csv", ignacio.token()),
        403,
        "auth.forbidden");
  }

  @Test
  void givenAFilteredExport_whenAudited_thenTheEntryNamesCountAndFilters() throws Exception {
    List<String> exported = exportIds("channel=phone&q=munoz&sort=-score");

    JsonNode entry =
        json(api.get("/api/v1/audit?action=lead.export&limit=1", admin.token()))
            .get("items")
            .get(0);

    assertThat(exported).hasSize(2);
    assertThat(entry.at("/after/count").asInt()).isEqualTo(2);
    assertThat(entry.at("/after/filters/channel").asText()).isEqualTo("phone");
    assertThat(entry.at("/after/filters/q").asText()).isEqualTo("munoz");
    assertThat(entry.at("/after/sort").asText()).isEqualTo("-score");
    assertThat(entry.at("/after/filters").has("status")).isFalse();
  }

  @Test
  void givenASuperadmin_whenExportingANamedBrokerFiltered_thenThatBrokersFilteredLeads()
      throws Exception {
    var platform = inmo.firstAdmin().orElseThrow();
    String root =
        json(api.post(
                "/api/v1/auth/login",
                Map.of("email", platform.email().value(), "password", platform.password())))
            .get("accessToken")
            .asText();

    HttpResponse<String> export =
        api.getAccepting(
            "/api/v1/leads/export?brokerId=" + admin.brokerId() + "&assignedTo=" + ignacio.userId(),
            "text/csv",
            root);

    assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
    assertThat(export.body()).contains("Catalina Muñoz", "Benjamín Soto").doesNotContain("Tomás");
    assertProblem(
        api.getAccepting("/api/v1/leads/export?status=hot", "text/csv", root),
        400,
        "lead.broker_required");
  }

  // ---- helpers ----

  private List<String> exportIds(String filter) throws Exception {
    HttpResponse<String> export =
        api.getAccepting(
            "/api/v1/leads/export" + (filter.isEmpty() ? "" : "?" + filter),
            "text/csv",
            admin.token());
    assertThat(export.statusCode()).as(filter + ": " + export.body()).isEqualTo(200);
    String[] rows = export.body().replace("\uFEFF", "").split("\r\n");
    assertThat(rows[0]).startsWith("id,name,phone");
    List<String> ids = new ArrayList<>();
    Arrays.stream(rows).skip(1).forEach(row -> ids.add(row.substring(0, row.indexOf(','))));
    return ids;
  }

  private static List<String> ids(HttpResponse<String> list) throws Exception {
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json(list).get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private void createLead(Map<String, ?> body) throws Exception {
    HttpResponse<String> response =
        api.post("/api/v1/leads", Api.JSON.writeValueAsString(body), admin.token());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
