package io.inmo.bootstrap.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.bootstrap.demo.DemoConversation.Step;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Plays a {@link DemoConversation} on a broker's web chat exactly as a visitor and a staff member
 * would: the visitor opens a session and writes, waiting for each reply of the AI agent; staff find
 * the lead, claim it and answer, which takes the conversation over.
 */
final class DemoChatPlayer {
  /** How long the AI agent may take to answer one message (the offline one needs ~3 s). */
  static final Duration REPLY_TIMEOUT = Duration.ofSeconds(45);

  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration SETTLE = Duration.ofSeconds(3);

  private final InmoApi api;
  private final String slug;

  DemoChatPlayer(InmoApi api, String slug) {
    this.api = api;
    this.slug = slug;
  }

  /** The staff member who answers taken-over conversations. */
  record StaffMember(String userId, String token) {}

  /** Plays every step; returns how many replies (AI or staff) the visitor received. */
  int play(DemoConversation conversation, StaffMember staff) throws InterruptedException {
    String session =
        api.post("/api/v1/webchat/" + slug + "/sessions", null, null).path("sessionToken").asText();
    for (Step step : conversation.steps()) {
      int before = replies(session);
      switch (step.author()) {
        case VISITOR -> {
          write(session, step.text());
          awaitReply(session, before);
        }
        case VISITOR_UNANSWERED -> {
          write(session, step.text());
          Thread.sleep(SETTLE); // the turn is handled (stored, no reply) before the next step
        }
        case STAFF -> {
          answerAsStaff(conversation.lead(), staff, step.text());
          awaitReply(session, before);
        }
      }
    }
    return replies(session);
  }

  private void write(String session, String text) {
    api.asVisitor(
        "POST",
        "/api/v1/webchat/" + slug + "/messages",
        Map.of("text", text, "clientMessageId", UUID.randomUUID().toString()),
        session);
  }

  private void answerAsStaff(String leadName, StaffMember staff, String text) {
    JsonNode found =
        api.get(
            "/api/v1/leads?channel=webchat&q="
                + URLEncoder.encode(leadName, StandardCharsets.UTF_8),
            staff.token());
    if (found.path("items").isEmpty()) {
      throw new IllegalStateException("the web-chat lead «" + leadName + "» was not found");
    }
    String lead = found.path("items").get(0).path("id").asText();
    api.post(
        "/api/v1/leads/" + lead + "/assign", Map.of("assignedTo", staff.userId()), staff.token());
    api.post(
        "/api/v1/leads/" + lead + "/conversation/messages", Map.of("text", text), staff.token());
  }

  /** Waits until the conversation holds more replies than {@code before}. */
  private void awaitReply(String session, int before) throws InterruptedException {
    long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
    while (replies(session) <= before) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "no reply on the web chat within " + REPLY_TIMEOUT.toSeconds() + " s");
      }
      Thread.sleep(POLL);
    }
  }

  /** Messages the visitor received (from the AI agent or from staff). */
  private int replies(String session) {
    int count = 0;
    for (JsonNode message :
        api.asVisitor("GET", "/api/v1/webchat/" + slug + "/messages", null, session)
            .path("items")) {
      if (!"visitor".equals(message.path("from").asText())) {
        count++;
      }
    }
    return count;
  }
}
