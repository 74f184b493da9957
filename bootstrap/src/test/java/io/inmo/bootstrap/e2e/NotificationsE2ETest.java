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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The in-app inbox over HTTP ({@code /api/v1/notifications}): newest first with cursor pages and
 * the unread count, read one or all, and only ever the caller's own. Notifications are written by
 * the system (hot-lead alerts), so the fixture inserts them with SQL.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsE2ETest {
  private Sql sql;
  private Inmo inmo;
  private Api api;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    this.sql = new Sql(database.dataSource());
    inmo = Staff.server(database, redis, "secreto-de-firma-para-pruebas-e2e-de-avisos");
    api = new Api(URI.create("http://127.0.0.1:" + inmo.port()));
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenAlerts_whenInboxPaged_thenNewestFirstWithUnreadCountAndNoRepeats() throws Exception {
    Staff staff = register("Propiedades Lastarria");
    List<String> titles = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String title = "Lead caliente: Cliente " + i;
      titles.add(0, title); // newest first
      insert(staff, title, "2026-11-20T10:%02d:00Z".formatted(i));
    }

    JsonNode first = json(api.get("/api/v1/notifications?limit=10", staff.token()));
    JsonNode second =
        json(
            api.get(
                "/api/v1/notifications?limit=10&cursor=" + first.get("nextCursor").asText(),
                staff.token()));
    JsonNode third =
        json(
            api.get(
                "/api/v1/notifications?limit=10&cursor=" + second.get("nextCursor").asText(),
                staff.token()));

    List<String> seen = new ArrayList<>();
    for (JsonNode page : List.of(first, second, third)) {
      page.get("items").forEach(item -> seen.add(item.get("title").asText()));
      assertThat(page.get("unreadCount").asLong()).isEqualTo(25);
    }
    assertThat(seen).containsExactlyElementsOf(titles);
    assertThat(third.hasNonNull("nextCursor")).isFalse();
    JsonNode item = first.get("items").get(0);
    assertThat(item.get("kind").asText()).isEqualTo("lead_hot");
    assertThat(item.hasNonNull("readAt")).isFalse();
  }

  @Test
  void givenUnreadAlerts_whenReadOneThenAll_thenCountsFallAndReadTimeKept() throws Exception {
    Staff staff = register("Corredora Bellavista");
    String first = insert(staff, "Lead caliente: Javiera Núñez", "2026-11-21T09:00:00Z");
    insert(staff, "Lead caliente: Tomás Araya", "2026-11-21T09:05:00Z");
    insert(staff, "Puntaje 80 alcanzado: Inés Cáceres", "2026-11-21T09:10:00Z");

    HttpResponse<String> read =
        api.post("/api/v1/notifications/" + first + "/read", "", staff.token());
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    String readAt = json(read).get("readAt").asText();
    assertThat(readAt).isNotEmpty();
    // reading again keeps the first read time
    JsonNode again = json(api.post("/api/v1/notifications/" + first + "/read", "", staff.token()));
    assertThat(again.get("readAt").asText()).isEqualTo(readAt);

    JsonNode unread = json(api.get("/api/v1/notifications?unread=true", staff.token()));
    assertThat(unread.get("unreadCount").asLong()).isEqualTo(2);
    assertThat(unread.get("items")).hasSize(2);

    JsonNode marked = json(api.post("/api/v1/notifications/read-all", "", staff.token()));
    assertThat(marked.get("marked").asInt()).isEqualTo(2);
    JsonNode after = json(api.get("/api/v1/notifications", staff.token()));
    assertThat(after.get("unreadCount").asLong()).isZero();
    assertThat(after.get("items")).hasSize(3);
    assertThat(
            sql.count(
                "SELECT count(*) FROM notifications WHERE broker_id = ?::uuid AND read_at IS NULL",
                staff.brokerId()))
        .isZero();
  }

  @Test
  void givenSomeoneElsesNotification_whenRead_thenNotFoundAndUntouched() throws Exception {
    Staff owner = register("Corredora Providencia");
    Staff stranger = register("Corredora Recoleta");
    String theirs = insert(owner, "Lead caliente: Patricio Vidal", "2026-11-22T12:00:00Z");

    assertProblem(
        api.post("/api/v1/notifications/" + theirs + "/read", "", stranger.token()),
        404,
        "notification.not_found");
    assertThat(json(api.get("/api/v1/notifications", stranger.token())).get("items")).isEmpty();
    assertThat(
            json(api.post("/api/v1/notifications/read-all", "", stranger.token()))
                .get("marked")
                .asInt())
        .isZero();
    assertThat(
            sql.count(
                "SELECT count(*) FROM notifications WHERE id = ?::uuid AND read_at IS NULL",
                theirs))
        .isEqualTo(1);
  }

  @Test
  void givenBadInput_whenListingOrReading_thenProblems() throws Exception {
    Staff staff = register("Corredora Quilicura");

    assertProblem(
        api.get("/api/v1/notifications?limit=0", staff.token()), 400, "notification.invalid");
    assertProblem(
        api.get("/api/v1/notifications?limit=diez", staff.token()), 400, "request.invalid");
    assertProblem(
        api.get("/api/v1/notifications?limit=500", staff.token()), 400, "notification.invalid");
    assertProblem(
        api.get("/api/v1/notifications?unread=quizas", staff.token()), 400, "request.invalid");
    assertProblem(
        api.get("/api/v1/notifications?cursor=no-es-un-cursor", staff.token()),
        400,
        "notification.cursor_invalid");
    assertProblem(
        api.post("/api/v1/notifications/no-es-uuid/read", "", staff.token()),
        404,
        "notification.not_found");
    assertProblem(api.get("/api/v1/notifications", null), 401, "auth.missing_token");
  }

  private Staff register(String name) throws Exception {
    return Staff.register(api, name);
  }

  private String insert(Staff staff, String title, String createdAt) throws Exception {
    String id = UUID.randomUUID().toString();
    sql.execute(
        "INSERT INTO notifications (id, broker_id, user_id, kind, title, body, created_at)"
            + " VALUES (?::uuid, ?::uuid, ?::uuid, 'lead_hot', ?, 'Puntaje 85 (antes 60).',"
            + " ?::timestamptz)",
        id,
        staff.brokerId(),
        staff.userId(),
        title,
        createdAt);
    return id;
  }
}
