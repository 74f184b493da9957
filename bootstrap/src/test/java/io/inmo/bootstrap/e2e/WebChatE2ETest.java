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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web chat through the whole conversation pipeline (issue 5, ADR 0015): a visitor's messages
 * are stored, answered by the agent in turns (one reply per turn, bursts answered together,
 * redeliveries once), opt-outs and escalations are decided in code.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebChatE2ETest {
  private static final String SESSION = "X-Inmo-Chat-Session";
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private Inmo inmo;
  private Api api;
  private Sql sql;
  private URI base;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) {
    sql = new Sql(database.dataSource());
    inmo = Staff.server(database, redis, "secreto-de-firma-para-pruebas-e2e-de-chat-web");
    base = URI.create("http://127.0.0.1:" + inmo.port());
    api = new Api(base);
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenAVisitor_whenWriting_thenOneReplyPerTurnAndTheLeadIsInTheBook() throws Exception {
    Staff broker = Staff.register(api, "Propiedades Ñuñoa Centro");
    String slug = slug(broker);
    JsonNode session = json(send("POST", "/api/v1/webchat/" + slug + "/sessions", null, null));
    String token = session.get("sessionToken").asText();
    assertThat(session.get("agentName").asText()).isEqualTo("Sofía");

    HttpResponse<String> accepted =
        write(slug, token, "Hola, busco depto en Ñuñoa", "mensaje-0001");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    List<JsonNode> first = awaitAgentReplies(slug, token, 1);
    assertThat(first.getFirst().get("text").asText())
        .startsWith("¡Hola")
        .contains("Sofía", "Ñuñoa"); // greets as the broker's agent and confirms the comuna

    // the same message delivered again is stored and answered once
    JsonNode again = json(write(slug, token, "Hola, busco depto en Ñuñoa", "mensaje-0001"));
    assertThat(again.get("duplicate").asBoolean()).isTrue();

    // two messages in one burst get one reply
    write(slug, token, "Me llamo Camila", "mensaje-0002");
    write(slug, token, "y quiero arrendar", "mensaje-0003");
    List<JsonNode> replies = awaitAgentReplies(slug, token, 2);
    Thread.sleep(3000); // a third reply would have come by now
    assertThat(agentReplies(slug, token)).hasSize(2);
    assertThat(replies.get(1).get("text").asText()).contains("Camila").doesNotContain("Sofía");
    List<String> visitor = new ArrayList<>();
    for (JsonNode m : messages(slug, token)) {
      if (m.get("from").asText().equals("visitor")) {
        visitor.add(m.get("text").asText());
      }
    }
    assertThat(visitor)
        .containsExactly("Hola, busco depto en Ñuñoa", "Me llamo Camila", "y quiero arrendar");

    JsonNode leads = json(api.get("/api/v1/leads?channel=webchat", broker.token())).get("items");
    assertThat(leads).hasSize(1);
    String lead = leads.get(0).get("id").asText();
    // the list shows the lead's channel exactly as the lead itself does
    JsonNode single = json(api.get("/api/v1/leads/" + lead, broker.token()));
    assertThat(single.get("identities")).hasSize(1);
    assertThat(single.at("/identities/0/channel").asText()).isEqualTo("webchat");
    assertThat(leads.get(0).get("identities")).isEqualTo(single.get("identities"));
    JsonNode unfiltered = json(api.get("/api/v1/leads", broker.token())).get("items");
    assertThat(unfiltered.get(0).get("identities")).isEqualTo(single.get("identities"));
    List<String> types = new ArrayList<>();
    json(api.get("/api/v1/leads/" + lead + "/activity?limit=50", broker.token()))
        .get("items")
        .forEach(item -> types.add(item.get("type").asText()));
    assertThat(types.stream().filter("message_received"::equals)).hasSize(3);
    assertThat(types.stream().filter("message_sent"::equals)).hasSize(2);
    assertThat(types).contains("lead_created");
    assertThat(
            sql.count(
                "SELECT count(*) FROM chat_messages WHERE lead_id = ?::uuid AND direction ="
                    + " 'outbound' AND delivery_status = 'sent'",
                lead))
        .isEqualTo(2);
  }

  @Test
  void givenTheAgentRenamed_whenTheNextVisitorWrites_thenTheCachedContextWasEvicted()
      throws Exception {
    Staff broker = Staff.register(api, "Corredora Rancagua");
    String slug = slug(broker);
    String first = open(slug);
    write(slug, first, "Hola", "mensaje-0901");
    assertThat(awaitAgentReplies(slug, first, 1).getFirst().get("text").asText())
        .startsWith("¡Hola")
        .contains("Sofía"); // the broker's context is now cached

    Map<String, Object> prompt = new java.util.LinkedHashMap<>();
    prompt.put("agentName", "Fernanda");
    prompt.put("language", "es-CL");
    prompt.put("enableAppointmentBooking", true);
    HttpResponse<String> renamed =
        api.exchange("PUT", "/api/v1/broker/config/prompt", prompt, broker.token());
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);

    String second = open(slug);
    write(slug, second, "Hola, ¿tienen casas en Machalí?", "mensaje-0902");
    assertThat(awaitAgentReplies(slug, second, 1).getFirst().get("text").asText())
        .startsWith("¡Hola")
        .contains("Fernanda");
  }

  @Test
  void givenAVisitorWhoOptsOut_whenWritingAgain_thenAcknowledgedOnceAndNeverAnswered()
      throws Exception {
    Staff broker = Staff.register(api, "Corredora Macul");
    String slug = slug(broker);
    String token = open(slug);
    write(slug, token, "Hola", "mensaje-0101");
    awaitAgentReplies(slug, token, 1);

    write(slug, token, "No me escriban más, por favor", "mensaje-0102");
    List<JsonNode> replies = awaitAgentReplies(slug, token, 2);
    assertThat(replies.get(1).get("text").asText()).startsWith("Entendido, no te volveremos");
    String lead =
        json(api.get("/api/v1/leads?channel=webchat", broker.token()))
            .get("items")
            .get(0)
            .get("id")
            .asText();
    assertThat(json(api.get("/api/v1/leads/" + lead, broker.token())).hasNonNull("optedOutAt"))
        .isTrue();

    write(slug, token, "¿hola?", "mensaje-0103");
    awaitHandled(lead, 3);
    assertThat(agentReplies(slug, token)).hasSize(2);
  }

  @Test
  void givenAVisitorAskingForAPerson_whenWriting_thenEscalatedOnceAndTheAgentFallsSilent()
      throws Exception {
    Staff broker = Staff.register(api, "Propiedades Providencia Norte");
    String slug = slug(broker);
    String token = open(slug);
    write(slug, token, "Quiero hablar con una persona", "mensaje-0201");
    List<JsonNode> replies = awaitAgentReplies(slug, token, 1);
    assertThat(replies.getFirst().get("text").asText())
        .isEqualTo("Te comunico con una persona de nuestro equipo; te responderá a la brevedad.");
    JsonNode inbox = json(api.get("/api/v1/notifications", broker.token()));
    assertThat(inbox.get("items").get(0).get("kind").asText()).isEqualTo("conversation_escalated");

    write(slug, token, "¿Hay alguien?", "mensaje-0202");
    String lead =
        json(api.get("/api/v1/leads?channel=webchat", broker.token()))
            .get("items")
            .get(0)
            .get("id")
            .asText();
    awaitHandled(lead, 2);
    assertThat(agentReplies(slug, token)).hasSize(1);
  }

  @Test
  void givenStaffTakingOver_whenTheVisitorWrites_thenOnlyStaffAnswersUntilReleased()
      throws Exception {
    Staff broker = Staff.register(api, "Propiedades San Miguel");
    String slug = slug(broker);
    String token = open(slug);
    write(slug, token, "Hola, ¿tienen casas en San Miguel?", "mensaje-0401");
    awaitAgentReplies(slug, token, 1);
    String lead =
        json(api.get("/api/v1/leads?channel=webchat", broker.token()))
            .get("items")
            .get(0)
            .get("id")
            .asText();

    HttpResponse<String> taken =
        api.post("/api/v1/leads/" + lead + "/conversation/takeover", "", broker.token());
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    assertThat(json(taken).get("aiActive").asBoolean()).isFalse();
    assertThat(json(taken).get("takenOverBy").asText()).isEqualTo(broker.userId());

    write(slug, token, "¿Y con patio?", "mensaje-0402");
    awaitHandled(lead, 2);
    assertThat(agentReplies(slug, token)).hasSize(1);

    HttpResponse<String> replied =
        api.post(
            "/api/v1/leads/" + lead + "/conversation/messages",
            Api.JSON.writeValueAsString(
                Map.of("text", "Hola, soy Valentina. Sí, tenemos dos casas con patio.")),
            broker.token());
    assertThat(replied.statusCode()).as(replied.body()).isEqualTo(200);
    assertThat(json(replied).get("senderType").asText()).isEqualTo("staff");
    assertThat(json(replied).get("deliveryStatus").asText()).isEqualTo("sent");
    assertThat(agentReplies(slug, token).getLast().get("text").asText())
        .isEqualTo("Hola, soy Valentina. Sí, tenemos dos casas con patio.");

    JsonNode conversation =
        json(api.get("/api/v1/leads/" + lead + "/conversation", broker.token()));
    assertThat(conversation.get("conversations").get(0).get("provider").asText())
        .isEqualTo("webchat");
    assertThat(conversation.get("messages")).hasSize(4);

    HttpResponse<String> released =
        api.post("/api/v1/leads/" + lead + "/conversation/release", "", broker.token());
    assertThat(json(released).get("aiActive").asBoolean()).isTrue();
    write(slug, token, "¡Gracias! ¿Y el precio?", "mensaje-0403");
    awaitAgentReplies(slug, token, 3);
    assertThat(agentReplies(slug, token).getLast().get("text").asText())
        .isNotBlank()
        .doesNotContain("Sofía"); // the AI speaks again, without greeting a second time

    // an AGENT who does not hold the lead does not find it; blank replies are refused
    Staff paula = broker.agent(api, "Paula Rivas");
    Staff other = broker.agent(api, "Ignacio Carrasco");
    HttpResponse<String> assigned =
        api.exchange(
            "PATCH", "/api/v1/leads/" + lead, Map.of("assignedTo", paula.userId()), broker.token());
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
    assertProblem(
        api.post("/api/v1/leads/" + lead + "/conversation/takeover", "", other.token()),
        404,
        "lead.not_found");
    assertProblem(
        api.post(
            "/api/v1/leads/" + lead + "/conversation/messages",
            Api.JSON.writeValueAsString(Map.of("text", "  ")),
            broker.token()),
        400,
        "conversation.invalid_reply");
    // templates are WhatsApp's: a web-chat lead gets ordinary text
    assertProblem(
        api.post(
            "/api/v1/leads/" + lead + "/conversation/messages",
            "{\"template\":{\"name\":\"retomar_contacto\",\"language\":\"es\"}}",
            broker.token()),
        409,
        "conversation.template_whatsapp_only");
  }

  @Test
  void givenAnEventStream_whenTheVisitorWrites_thenTheReplyArrivesOnItAndResumesAfterTheLastId()
      throws Exception {
    Staff broker = Staff.register(api, "Corredora Ñuble Sur");
    String slug = slug(broker);
    String token = open(slug);
    java.util.concurrent.BlockingQueue<String> lines =
        new java.util.concurrent.LinkedBlockingQueue<>();
    HttpRequest events =
        HttpRequest.newBuilder(base.resolve("/api/v1/webchat/" + slug + "/events"))
            .header("Accept", "text/event-stream")
            .header(SESSION, token)
            .GET()
            .build();
    var stream =
        http.sendAsync(events, HttpResponse.BodyHandlers.ofLines())
            .thenAccept(r -> r.body().forEach(lines::add));

    write(slug, token, "Hola, busco depto en Chillán", "mensaje-0501");
    List<String> agentEvents = new ArrayList<>();
    String visitorId = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String id = null;
    String event = null;
    List<String> seen = new ArrayList<>();
    while ((agentEvents.isEmpty() || !seen.contains("typing:false"))
        && System.nanoTime() < deadline) {
      String line = lines.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
      if (line == null) {
        continue;
      }
      if (line.startsWith("event:")) {
        event = line.substring(6).strip();
      } else if (line.startsWith("id:")) {
        id = line.substring(3).strip();
      } else if (line.startsWith("data:") && "typing".equals(event)) {
        seen.add("typing:" + Api.JSON.readTree(line.substring(5)).get("active").asBoolean());
      } else if (line.startsWith("data:")) {
        JsonNode data = Api.JSON.readTree(line.substring(5));
        seen.add(data.get("from").asText());
        if (data.get("from").asText().equals("visitor")) {
          visitorId = id;
        } else {
          agentEvents.add(data.get("text").asText());
        }
      }
    }
    stream.cancel(true);
    // the visitor sees the agent "typing" through the burst window, then its reply
    assertThat(seen).containsSubsequence("visitor", "typing:true", "agent");
    assertThat(seen.getLast()).isEqualTo("typing:false");
    assertThat(visitorId).isNotNull();
    assertThat(agentEvents).hasSize(1);
    assertThat(agentEvents.getFirst()).startsWith("¡Hola").contains("Sofía");

    // reconnecting after the visitor's message replays only what came after it
    HttpRequest resume =
        HttpRequest.newBuilder(base.resolve("/api/v1/webchat/" + slug + "/events"))
            .header("Accept", "text/event-stream")
            .header(SESSION, token)
            .header("Last-Event-ID", visitorId)
            .GET()
            .build();
    java.util.concurrent.BlockingQueue<String> again =
        new java.util.concurrent.LinkedBlockingQueue<>();
    var second =
        http.sendAsync(resume, HttpResponse.BodyHandlers.ofLines())
            .thenAccept(r -> r.body().forEach(again::add));
    String first = null;
    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (first == null && System.nanoTime() < until) {
      String line = again.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith("data:")) {
        first = line;
      }
    }
    second.cancel(true);
    assertThat(first).isNotNull().contains("\"from\":\"agent\"");
  }

  @Test
  void givenATurnThatKeepsFailing_whenRetriesRunOut_thenStaffGetTheMessagesInsteadOfALoop()
      throws Exception {
    Staff broker = Staff.register(api, "Corredora Quinta Normal");
    String slug = slug(broker);
    String token = open(slug);
    // a broken broker: the agent's prompt settings are gone, so every turn fails
    sql.execute("DELETE FROM broker_prompt_configs WHERE broker_id = ?::uuid", broker.brokerId());
    write(slug, token, "Hola, ¿siguen arrendando en Quinta Normal?", "mensaje-0601");
    String conversation = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (conversation == null && System.nanoTime() < deadline) {
      Thread.sleep(100);
      if (sql.count(
              "SELECT count(*) FROM conversations WHERE broker_id = ?::uuid AND turn_failures = 1",
              broker.brokerId())
          == 1) {
        conversation =
            sql.text(
                "SELECT id::text FROM conversations WHERE broker_id = ?::uuid", broker.brokerId());
      }
    }
    assertThat(conversation).as("the first failure is counted").isNotNull();
    // retried later, not at once
    assertThat(
            sql.count(
                "SELECT count(*) FROM conversations WHERE id = ?::uuid"
                    + " AND turn_due_at > now() + interval '5 seconds'",
                conversation))
        .isEqualTo(1);

    // four failures later (moved along by hand instead of waiting minutes) the AI gives up
    sql.execute(
        "UPDATE conversations SET turn_failures = 4, turn_due_at = now() WHERE id = ?::uuid",
        conversation);
    String lead =
        sql.text("SELECT lead_id::text FROM conversations WHERE id = ?::uuid", conversation);
    awaitHandled(lead, 1);
    JsonNode alert = json(api.get("/api/v1/notifications", broker.token())).get("items").get(0);
    assertThat(alert.get("kind").asText()).isEqualTo("conversation_escalated");
    assertThat(alert.get("title").asText()).startsWith("Sin respuesta automática");
    assertThat(agentReplies(slug, token)).isEmpty();
    assertThat(
            sql.count(
                "SELECT count(*) FROM conversations WHERE id = ?::uuid AND turn_due_at IS NULL"
                    + " AND turn_failures = 0",
                conversation))
        .isEqualTo(1);
  }

  @Test
  void givenBadRequests_whenWriting_thenProblemsAndNothingStored() throws Exception {
    Staff broker = Staff.register(api, "Corredora La Florida");
    String slug = slug(broker);
    String token = open(slug);
    long before = sql.count("SELECT count(*) FROM chat_messages");

    assertProblem(
        send("POST", "/api/v1/webchat/" + slug + "/messages", Map.of("text", "Hola"), null),
        401,
        "webchat.session_required");
    assertProblem(write(slug, token, "   ", "mensaje-0301"), 400, "webchat.invalid_message");
    assertProblem(
        write(slug, token, "x".repeat(2001), "mensaje-0302"), 400, "webchat.invalid_message");
    assertProblem(write(slug, token, "Hola", "corto"), 400, "webchat.invalid_message");
    assertProblem(
        send("POST", "/api/v1/webchat/no-existe-" + UUID.randomUUID() + "/sessions", null, null),
        404,
        "chat.channel_not_found");
    assertProblem(
        write("no-existe-corredora", token, "Hola", "mensaje-0303"), 404, "chat.channel_not_found");

    assertThat(sql.count("SELECT count(*) FROM chat_messages")).isEqualTo(before);
  }

  // ---------------------------------------------------------------- helpers

  @Test
  void givenTheWidgetOnABrokersOwnWebsite_whenCallingFromThatOrigin_thenCorsAllowsTheWebChatOnly()
      throws Exception {
    Staff broker = Staff.register(api, "Propiedades Viña Costa");
    String slug = slug(broker);
    String site = "https://www.vinacosta.cl";
    HttpResponse<String> preflight =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/webchat/" + slug + "/messages"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", site)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-inmo-chat-session")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
        .contains("POST");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .containsIgnoringCase("X-Inmo-Chat-Session")
        .containsIgnoringCase("Content-Type");

    HttpResponse<String> opened =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/webchat/" + slug + "/sessions"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Origin", site)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(opened.statusCode()).isEqualTo(201);
    assertThat(opened.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");

    // staff endpoints stay same-origin only
    HttpResponse<String> staff =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/leads"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", site)
                .header("Access-Control-Request-Method", "GET")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(staff.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private String slug(Staff broker) throws Exception {
    return json(api.get("/api/v1/broker", broker.token())).get("slug").asText();
  }

  private String open(String slug) throws Exception {
    HttpResponse<String> opened = send("POST", "/api/v1/webchat/" + slug + "/sessions", null, null);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    return json(opened).get("sessionToken").asText();
  }

  private HttpResponse<String> write(String slug, String token, String text, String clientId)
      throws Exception {
    return send(
        "POST",
        "/api/v1/webchat/" + slug + "/messages",
        Map.of("text", text, "clientMessageId", clientId),
        token);
  }

  private List<JsonNode> messages(String slug, String token) throws Exception {
    HttpResponse<String> response =
        send("GET", "/api/v1/webchat/" + slug + "/messages", null, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    json(response).get("items").forEach(items::add);
    return items;
  }

  private List<JsonNode> agentReplies(String slug, String token) throws Exception {
    return messages(slug, token).stream()
        .filter(m -> m.get("from").asText().equals("agent"))
        .toList();
  }

  private List<JsonNode> awaitAgentReplies(String slug, String token, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<JsonNode> replies = agentReplies(slug, token);
    while (replies.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
      replies = agentReplies(slug, token);
    }
    assertThat(replies).as("agent replies").hasSizeGreaterThanOrEqualTo(count);
    return replies;
  }

  /** Waits until a turn has handled {@code count} of the lead's inbound messages. */
  private void awaitHandled(String lead, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (sql.count(
            "SELECT count(*) FROM chat_messages WHERE lead_id = ?::uuid AND direction = 'inbound'"
                + " AND handled_at IS NOT NULL",
            lead)
        < count) {
      assertThat(System.nanoTime()).as("messages handled in time").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private HttpResponse<String> send(String method, String path, Object body, String session)
      throws Exception {
    return WebChatVisitor.send(base, method, path, body, session);
  }
}
