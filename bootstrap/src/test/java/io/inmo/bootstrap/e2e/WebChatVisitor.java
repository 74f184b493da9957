package io.inmo.bootstrap.e2e;

import static io.inmo.bootstrap.e2e.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A visitor of a broker's web chat in end-to-end tests: one session, messages in, replies out. */
final class WebChatVisitor {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final URI base;
  private final String slug;
  private final String session;

  private WebChatVisitor(URI base, String slug, String session) {
    this.base = base;
    this.slug = slug;
    this.session = session;
  }

  /** Opens a new session on {@code slug}'s web chat. */
  static WebChatVisitor open(URI base, String slug) throws Exception {
    HttpResponse<String> opened =
        send(base, "POST", "/api/v1/webchat/" + slug + "/sessions", null, null);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    return new WebChatVisitor(base, slug, json(opened).get("sessionToken").asText());
  }

  /** Writes {@code text} and waits for the agent's next reply, which it returns. */
  String say(String text) throws Exception {
    int before = agentReplies().size();
    HttpResponse<String> accepted =
        send(
            base,
            "POST",
            "/api/v1/webchat/" + slug + "/messages",
            Map.of("text", text, "clientMessageId", UUID.randomUUID().toString()),
            session);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<String> replies = agentReplies();
    while (replies.size() <= before && System.nanoTime() < deadline) {
      Thread.sleep(100);
      replies = agentReplies();
    }
    assertThat(replies).as("a reply to «" + text + "»").hasSizeGreaterThan(before);
    return replies.getLast();
  }

  /** The agent's replies so far, oldest first. */
  List<String> agentReplies() throws Exception {
    HttpResponse<String> response =
        send(base, "GET", "/api/v1/webchat/" + slug + "/messages", null, session);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> replies = new ArrayList<>();
    for (JsonNode m : json(response).get("items")) {
      if (m.get("from").asText().equals("agent")) {
        replies.add(m.get("text").asText());
      }
    }
    return replies;
  }

  /** One web-chat request: JSON body (or none) and the visitor's session header (or none). */
  static HttpResponse<String> send(
      URI base, String method, String path, Object body, String session) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Accept", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (session != null) {
      request.header("X-Inmo-Chat-Session", session);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
