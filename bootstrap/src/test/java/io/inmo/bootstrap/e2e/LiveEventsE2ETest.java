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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's live stream ({@code GET /api/v1/events}, ADR 0017) against a running server: a
 * web-chat conversation shows up on it as it happens (lead, message, typing, reply, delivery), an
 * AGENT sees only the leads it may see, another broker nothing, and the stream needs a token. The
 * tenant sweep leaves this streaming route to this test.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveEventsE2ETest {
  private static final String SESSION = "X-Inmo-Chat-Session";
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Inmo inmo;
  private Api api;
  private URI base;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    inmo = Staff.server(database, redis, "secreto-de-firma-para-pruebas-e2e-en-vivo");
    base = URI.create("http://127.0.0.1:" + inmo.port());
    api = new Api(base);
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  /** One server-sent event: its name and JSON data. */
  record Event(String name, JsonNode data) {}

  /** A stream being read in the background. */
  final class Stream implements AutoCloseable {
    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final List<Event> seen = new ArrayList<>();
    final CompletableFuture<Void> reading;
    int status;

    Stream(String token, String query) throws Exception {
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve("/api/v1/events" + query))
              .header("Accept", "text/event-stream")
              .header("Authorization", "Bearer " + token)
              .GET()
              .build();
      String[] name = {null};
      reading =
          http.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
              .thenAccept(
                  response -> {
                    status = response.statusCode();
                    response
                        .body()
                        .forEach(
                            line -> {
                              if (line.startsWith("event:")) {
                                name[0] = line.substring(6).strip();
                              } else if (line.startsWith("data:")) {
                                try {
                                  events.add(
                                      new Event(name[0], Api.JSON.readTree(line.substring(5))));
                                } catch (Exception e) {
                                  throw new IllegalStateException(line, e);
                                }
                              }
                            });
                  });
      Event ready = next(e -> true, Duration.ofSeconds(10));
      assertThat(ready.name()).isEqualTo("ready");
    }

    /** The next event matching {@code wanted} within {@code wait}, or null. */
    Event next(Predicate<Event> wanted, Duration wait) throws InterruptedException {
      long deadline = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < deadline) {
        Event event = events.poll(100, TimeUnit.MILLISECONDS);
        if (event != null) {
          seen.add(event);
          if (wanted.test(event)) {
            return event;
          }
        }
      }
      return null;
    }

    Event expect(String name, Predicate<JsonNode> data) throws InterruptedException {
      Event event = next(e -> name.equals(e.name()) && data.test(e.data()), Duration.ofSeconds(15));
      assertThat(event).as("a " + name + " event; seen " + seen).isNotNull();
      return event;
    }

    /** Everything that arrives within {@code wait}. */
    List<Event> drain(Duration wait) throws InterruptedException {
      List<Event> all = new ArrayList<>();
      Event event;
      while ((event = next(e -> true, wait)) != null) {
        all.add(event);
      }
      return all;
    }

    @Override
    public void close() {
      reading.cancel(true);
    }
  }

  @Test
  void givenStaffWatching_whenAVisitorChats_thenEachStepArrivesToThoseWhoMaySeeIt()
      throws Exception {
    Staff admin = Staff.register(api, "Propiedades Valdivia Centro");
    Staff diego = admin.agent(api, "Diego Fuentes");
    Staff rodrigo = admin.agent(api, "Rodrigo Vidal");
    Staff other = Staff.register(api, "Corredora Osorno");
    String slug = json(api.get("/api/v1/broker", admin.token())).get("slug").asText();

    try (Stream adminStream = new Stream(admin.token(), "");
        Stream diegoStream = new Stream(diego.token(), "");
        Stream rodrigoStream = new Stream(rodrigo.token(), "");
        Stream otherStream = new Stream(other.token(), "")) {
      String session =
          json(send("POST", "/api/v1/webchat/" + slug + "/sessions", null, null))
              .get("sessionToken")
              .asText();
      send(
          "POST",
          "/api/v1/webchat/" + slug + "/messages",
          session,
          "{\"text\":\"Hola, busco casa en Valdivia\",\"clientMessageId\":\"vivo-0001\"}");

      Event inbound =
          adminStream.expect("message", d -> d.path("direction").asText().equals("inbound"));
      String lead = inbound.data().get("leadId").asText();
      assertThat(inbound.data().get("provider").asText()).isEqualTo("webchat");
      assertThat(inbound.data().toString()).doesNotContain("Valdivia"); // ids, never the text
      adminStream.expect("typing", d -> d.path("active").asBoolean());
      Event reply =
          adminStream.expect("message", d -> d.path("direction").asText().equals("outbound"));
      assertThat(reply.data().get("senderType").asText()).isEqualTo("ai");
      adminStream.expect("typing", d -> !d.path("active").asBoolean());
      adminStream.expect("message_status", d -> d.path("deliveryStatus").asText().equals("sent"));
      assertThat(adminStream.seen)
          .anyMatch(e -> e.name().equals("lead") && e.data().get("leadId").asText().equals(lead));

      // an unassigned lead: agents see it too (the broker's default)
      diegoStream.expect("message", d -> d.path("direction").asText().equals("outbound"));
      assertThat(otherStream.drain(Duration.ofMillis(500))).isEmpty();

      // given to Rodrigo: Diego is told it left his view, then hears nothing more of it
      HttpResponse<String> assigned =
          api.post(
              "/api/v1/leads/" + lead + "/assign",
              Api.JSON.writeValueAsString(Map.of("assignedTo", rodrigo.userId())),
              admin.token());
      assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
      diegoStream.expect("lead", d -> d.path("assignedTo").asText().equals(rodrigo.userId()));
      rodrigoStream.expect("lead", d -> d.path("assignedTo").asText().equals(rodrigo.userId()));
      diegoStream.drain(Duration.ofMillis(300));

      send(
          "POST",
          "/api/v1/webchat/" + slug + "/messages",
          session,
          "{\"text\":\"Me llamo Javiera\",\"clientMessageId\":\"vivo-0002\"}");
      rodrigoStream.expect("message", d -> d.path("direction").asText().equals("inbound"));
      rodrigoStream.expect("message", d -> d.path("direction").asText().equals("outbound"));
      assertThat(diegoStream.drain(Duration.ofSeconds(1)))
          .as("events of a lead assigned to another agent")
          .isEmpty();

      // taking the conversation over is announced
      HttpResponse<String> takeover =
          api.post("/api/v1/leads/" + lead + "/conversation/takeover", "{}", admin.token());
      assertThat(takeover.statusCode()).as(takeover.body()).isEqualTo(200);
      adminStream.expect(
          "conversation", d -> d.path("takenOverBy").asText().equals(admin.userId()));
      assertThat(otherStream.drain(Duration.ofMillis(500))).isEmpty();
    }
  }

  @Test
  void givenNoTokenOrAForeignBroker_whenOpeningTheStream_thenRefusedWithAProblem()
      throws Exception {
    Staff admin = Staff.register(api, "Propiedades Coyhaique");
    Staff other = Staff.register(api, "Corredora Aysén");
    assertProblem(
        api.raw("GET", "/api/v1/events", null, null, null, "text/event-stream"),
        401,
        "auth.missing_token");
    assertProblem(
        api.raw(
            "GET",
            "/api/v1/events?brokerId=" + admin.brokerId(),
            null,
            null,
            other.token(),
            "text/event-stream"),
        404,
        "broker.not_found");
    var platform = inmo.firstAdmin().orElseThrow();
    String root =
        json(api.post(
                "/api/v1/auth/login",
                Map.of("email", platform.email().value(), "password", platform.password())))
            .get("accessToken")
            .asText();
    assertProblem(
        api.raw("GET", "/api/v1/events", null, null, root, "text/event-stream"),
        400,
        "events.broker_required");
    try (Stream platformStream = new Stream(root, "?brokerId=" + admin.brokerId())) {
      assertThat(platformStream.status).isEqualTo(200);
    }
  }

  private HttpResponse<String> send(String method, String path, String session, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      request.header(SESSION, session);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    return response;
  }
}
