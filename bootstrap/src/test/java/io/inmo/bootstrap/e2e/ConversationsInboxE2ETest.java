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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/v1/conversations} through the whole server: four web-chat visitors the AI answers
 * (one asks for a person, one opts out, one is taken over by staff) make a broker's inbox; filters,
 * pages, previews, an AGENT's view of it (own and unassigned leads, only own when the broker says
 * so), another broker, the SUPERADMIN and bad parameters.
 */
@ExtendWith({TestPostgres.class, TestRedis.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationsInboxE2ETest {
  private static final String LONG =
      "Hola, les escribo porque estamos buscando con mi señora una casa de tres dormitorios en"
          + " La Florida o Puente Alto, idealmente con patio para los niños y cerca del metro,"
          + " ¿tienen algo así?";

  private Inmo inmo;
  private Api api;
  private URI base;

  private Staff admin;
  private Staff diego;
  private Staff paula;
  private String camila;
  private String escalated;
  private String florida;
  private String optedOut;

  @BeforeAll
  void start(PgDatabase database, RedisEndpoint redis) throws Exception {
    inmo = Staff.server(database, redis, "secreto-de-firma-para-pruebas-e2e-de-bandeja");
    base = URI.create("http://127.0.0.1:" + inmo.port());
    api = new Api(base);

    admin = Staff.register(api, "Propiedades Bandeja");
    diego = admin.agent(api, "Diego Fuentes");
    paula = admin.agent(api, "Paula Rivas");
    HttpResponse<String> chat =
        api.exchange(
            "PUT",
            "/api/v1/broker/config/chat",
            Map.of(
                "enabledProviders",
                List.of("webchat"),
                "defaultProvider",
                "webchat",
                "burstWindowSeconds",
                0,
                "takeoverIdleMinutes",
                60),
            admin.token());
    assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
    String slug = json(api.get("/api/v1/broker", admin.token())).get("slug").asText();

    WebChatVisitor.open(base, slug).say("hola, me llamo camila fuentes");
    camila = newestLead();
    WebChatVisitor.open(base, slug).say("quiero hablar con una persona");
    escalated = newestLead();
    WebChatVisitor.open(base, slug).say(LONG);
    florida = newestLead();
    WebChatVisitor.open(base, slug).say("no me escriban más");
    optedOut = newestLead();

    assign(camila, diego.userId());
    assign(florida, paula.userId());
    HttpResponse<String> reply =
        api.post(
            "/api/v1/leads/" + florida + "/conversation/messages",
            Api.JSON.writeValueAsString(
                Map.of("text", "Hola, te escribe Valentina de la corredora")),
            admin.token());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
  }

  @AfterAll
  void stop() {
    if (inmo != null) {
      inmo.close();
    }
  }

  @Test
  void givenFourConversations_whenTheAdminListsThem_thenNewestActivityFirstWithLeadAndState()
      throws Exception {
    JsonNode page = list("", admin.token());

    List<String> leads = leadIds(page);
    assertThat(leads).containsExactly(florida, optedOut, escalated, camila);
    assertThat(page.has("nextCursor")).isFalse();

    JsonNode taken = page.get("items").get(0);
    assertThat(taken.get("provider").asText()).isEqualTo("webchat");
    assertThat(taken.get("status").asText()).isEqualTo("taken_over");
    assertThat(taken.get("heldBy").asText()).isEqualTo("staff");
    assertThat(taken.get("takenOverBy").asText()).isEqualTo(admin.userId());
    assertThat(taken.at("/lead/assignedTo").asText()).isEqualTo(paula.userId());
    assertThat(taken.at("/lastMessage/sender").asText()).isEqualTo("staff");
    assertThat(taken.at("/lastMessage/text").asText())
        .isEqualTo("Hola, te escribe Valentina de la corredora");
    assertThat(taken.at("/lastMessage/truncated").asBoolean()).isFalse();
    assertThat(taken.get("lastInboundAt").asText()).isNotBlank();
    assertThat(taken.get("lastActivityAt").asText())
        .isEqualTo(taken.at("/lastMessage/at").asText());

    JsonNode out = page.get("items").get(1);
    assertThat(out.get("status").asText()).isEqualTo("opted_out");
    assertThat(out.get("optedOut").asBoolean()).isTrue();
    assertThat(out.get("heldBy").asText()).isEqualTo("nobody");
    assertThat(out.at("/lastMessage/sender").asText()).isEqualTo("ai");

    JsonNode waiting = page.get("items").get(2);
    assertThat(waiting.get("status").asText()).isEqualTo("escalated");
    assertThat(waiting.get("escalation").asText()).isEqualTo("human_requested");
    assertThat(waiting.get("escalatedAt").asText()).isNotBlank();
    assertThat(waiting.get("heldBy").asText()).isEqualTo("nobody");

    JsonNode open = page.get("items").get(3);
    assertThat(open.get("status").asText()).isEqualTo("open");
    assertThat(open.get("heldBy").asText()).isEqualTo("ai");
    assertThat(open.get("optedOut").asBoolean()).isFalse();
    assertThat(open.at("/lead/id").asText()).isEqualTo(camila);
    assertThat(open.at("/lead/name").asText()).isEqualTo("Camila Fuentes");
    assertThat(open.at("/lead/status").asText()).isIn("cold", "warm", "hot");
    assertThat(open.at("/lead/score").isInt()).isTrue();
    assertThat(open.at("/lead/assignedTo").asText()).isEqualTo(diego.userId());
    assertThat(open.at("/lastMessage/sender").asText()).isEqualTo("ai");
  }

  @Test
  void givenALongMessageOnSeveralLines_whenItIsTheNewest_thenOneLineCutAt140Characters()
      throws Exception {
    Staff other = Staff.register(api, "Propiedades Vista Previa");
    String slug = json(api.get("/api/v1/broker", other.token())).get("slug").asText();
    WebChatVisitor.open(base, slug).say("hola");
    String lead = json(api.get("/api/v1/leads?limit=1", other.token())).at("/items/0/id").asText();
    String text = "Hola 🏡\n\n" + LONG;
    HttpResponse<String> reply =
        api.post(
            "/api/v1/leads/" + lead + "/conversation/messages",
            Api.JSON.writeValueAsString(Map.of("text", text)),
            other.token());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);

    JsonNode message = list("", other.token()).at("/items/0/lastMessage");

    String shown = message.get("text").asText();
    assertThat(message.get("truncated").asBoolean()).isTrue();
    assertThat(message.get("sender").asText()).isEqualTo("staff");
    assertThat(shown.codePointCount(0, shown.length())).isLessThanOrEqualTo(140);
    assertThat(shown).startsWith("Hola 🏡 Hola, les escribo").endsWith("…").doesNotContain("\n");
    assertThat(preview("Hola 🏡 " + LONG)).isEqualTo(shown);
  }

  @Test
  void givenFilters_whenListed_thenStatusChannelAndTextApply() throws Exception {
    assertThat(leadIds(list("?status=open", admin.token()))).containsExactly(camila);
    assertThat(leadIds(list("?status=escalated", admin.token()))).containsExactly(escalated);
    assertThat(leadIds(list("?status=taken_over", admin.token()))).containsExactly(florida);
    assertThat(leadIds(list("?status=opted_out", admin.token()))).containsExactly(optedOut);
    assertThat(leadIds(list("?channel=webchat", admin.token()))).hasSize(4);
    assertThat(leadIds(list("?channel=telegram", admin.token()))).isEmpty();
    assertThat(leadIds(list("?q=CAMILA", admin.token()))).containsExactly(camila);
    assertThat(leadIds(list("?q=" + encode("Camila Fuentes") + "&status=escalated", admin.token())))
        .isEmpty();
  }

  @Test
  void givenASmallLimit_whenPaged_thenEveryConversationOnceInOrder() throws Exception {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          list("?limit=1" + (cursor == null ? "" : "&cursor=" + encode(cursor)), admin.token());
      seen.addAll(leadIds(page));
      cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
      pages++;
    } while (cursor != null && pages < 10);

    assertThat(seen).containsExactly(florida, optedOut, escalated, camila);
    assertThat(pages).isEqualTo(4);
  }

  @Test
  void givenAnAgent_whenListing_thenOwnAndUnassignedLeadsOnlyAndOnlyOwnWhenTheBrokerSaysSo()
      throws Exception {
    assertThat(leadIds(list("", diego.token()))).containsExactly(optedOut, escalated, camila);
    assertThat(leadIds(list("", paula.token()))).containsExactly(florida, optedOut, escalated);

    Staff other = Staff.register(api, "Propiedades Reservadas");
    Staff agent = other.agent(api, "Rocío Vidal");
    HttpResponse<String> config = api.get("/api/v1/broker/config/lead", other.token());
    Map<String, Object> lead = new java.util.LinkedHashMap<>();
    json(config)
        .properties()
        .forEach(
            field -> {
              if (!field.getKey().equals("updatedAt")) {
                lead.put(field.getKey(), Api.JSON.convertValue(field.getValue(), Object.class));
              }
            });
    lead.put("agentsSeeUnassigned", false);
    HttpResponse<String> put =
        api.exchange("PUT", "/api/v1/broker/config/lead", lead, other.token());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    String slug = json(api.get("/api/v1/broker", other.token())).get("slug").asText();
    WebChatVisitor.open(base, slug).say("hola");
    assertThat(leadIds(list("", other.token()))).hasSize(1);
    assertThat(leadIds(list("", agent.token()))).isEmpty();
  }

  @Test
  void givenAnotherBrokerAndTheSuperadmin_whenListing_thenOnlyTheirOwnOrTheNamedBroker()
      throws Exception {
    Staff stranger = Staff.register(api, "Propiedades Vecinas");
    JsonNode theirs = list("", stranger.token());
    assertThat(theirs.get("items")).isEmpty();
    assertThat(theirs.toString()).doesNotContain(camila).doesNotContain("Camila");
    assertProblem(
        api.get("/api/v1/conversations?brokerId=" + admin.brokerId(), stranger.token()),
        404,
        "broker.not_found");

    var platform = inmo.firstAdmin().orElseThrow();
    String root =
        json(api.post(
                "/api/v1/auth/login",
                Map.of("email", platform.email().value(), "password", platform.password())))
            .get("accessToken")
            .asText();
    assertProblem(api.get("/api/v1/conversations", root), 400, "conversation.broker_required");
    assertThat(leadIds(list("?brokerId=" + admin.brokerId(), root)))
        .containsExactly(florida, optedOut, escalated, camila);
  }

  @Test
  void givenBadParameters_whenListing_thenProblems() throws Exception {
    String token = admin.token();
    assertProblem(api.get("/api/v1/conversations?status=closed", token), 400, "request.invalid");
    assertProblem(api.get("/api/v1/conversations?channel=sms", token), 400, "request.invalid");
    assertProblem(api.get("/api/v1/conversations?limit=0", token), 400, "request.invalid");
    assertProblem(api.get("/api/v1/conversations?limit=101", token), 400, "request.invalid");
    assertProblem(api.get("/api/v1/conversations?limit=diez", token), 400, "request.invalid");
    assertProblem(api.get("/api/v1/conversations?brokerId=abc", token), 400, "request.invalid");
    assertProblem(
        api.get("/api/v1/conversations?q=" + "x".repeat(101), token), 400, "request.invalid");
    assertProblem(
        api.get("/api/v1/conversations?cursor=no-es-un-cursor", token),
        400,
        "conversation.cursor_invalid");
    assertProblem(
        api.get("/api/v1/conversations?cursor=" + encode("bDF8LWNyZWF0ZWRBdHx4"), token),
        400,
        "conversation.cursor_invalid");
    assertProblem(api.get("/api/v1/conversations", null), 401, "auth.missing_token");
  }

  // ---- helpers ----

  private JsonNode list(String query, String token) throws Exception {
    HttpResponse<String> response = api.get("/api/v1/conversations" + query, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static List<String> leadIds(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.at("/lead/id").asText()));
    return ids;
  }

  /** The newest lead of the broker (the visitor who just wrote). */
  private String newestLead() throws Exception {
    JsonNode leads = json(api.get("/api/v1/leads?limit=1", admin.token()));
    return leads.get("items").get(0).get("id").asText();
  }

  private void assign(String leadId, String userId) throws Exception {
    HttpResponse<String> assigned =
        api.post(
            "/api/v1/leads/" + leadId + "/assign",
            Api.JSON.writeValueAsString(Map.of("assignedTo", userId)),
            admin.token());
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
  }

  /** What the inbox shows of {@code text}: cut to 139 characters and an ellipsis. */
  private static String preview(String text) {
    return text.substring(0, text.offsetByCodePoints(0, 139)).stripTrailing() + "…";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
