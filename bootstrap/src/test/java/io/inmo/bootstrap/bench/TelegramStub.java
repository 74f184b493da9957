package io.inmo.bootstrap.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Telegram Bot API as an instant WireMock stub ({@code sendMessage} answers a sent message at
 * once, no journal), and a listener that notes when each {@code sendMessage} request reached it,
 * per {@code chat_id}: {@link System#nanoTime()} (comparable with the benchmark's own clock, same
 * JVM) and the wall clock in microseconds (comparable with the timestamps Inmo stores). Every
 * answer carries a new {@code message_id}: Inmo stores it under a unique {@code (broker_id,
 * provider, provider_message_id)}, so a constant id would fail every reply after a bot's first.
 */
final class TelegramStub implements AutoCloseable {
  private static final Pattern CHAT_ID = Pattern.compile("\"chat_id\"\\s*:\\s*(-?\\d+)");

  /** One {@code sendMessage} request as it arrived. */
  record Receipt(long nanos, long epochMicros) {}

  private final Map<Long, List<Receipt>> byChat = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger unreadable = new AtomicInteger();
  private final AtomicLong messageIds = new AtomicLong(100_000);
  private final WireMockServer server;

  TelegramStub() {
    server =
        new WireMockServer(
            options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .disableRequestJournal()
                .containerThreads(24)
                .extensions(new Listener(), new MessageIds()));
    server.start();
    server.stubFor(
        post(urlPathMatching("/bot[^/]+/sendMessage"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"result\":{\"message_id\":4711,\"date\":1764000000,"
                        + "\"chat\":{\"id\":1,\"type\":\"private\"},\"text\":\"ok\"}}")));
  }

  String baseUrl() {
    return server.baseUrl();
  }

  int total() {
    return total.get();
  }

  int unreadable() {
    return unreadable.get();
  }

  /** The requests for a chat so far, in arrival order. */
  List<Receipt> receipts(long chatId) {
    List<Receipt> list = byChat.get(chatId);
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      List<Receipt> copy = new ArrayList<>(list);
      copy.sort((a, b) -> Long.compare(a.nanos(), b.nanos()));
      return copy;
    }
  }

  /** The first request for the chat at or after {@code nanos}, or null. */
  Receipt firstAfter(long chatId, long nanos) {
    for (Receipt receipt : receipts(chatId)) {
      if (receipt.nanos() >= nanos) {
        return receipt;
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Gives each {@code sendMessage} answer its own {@code message_id}. */
  private final class MessageIds implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "bench-message-ids";
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      ResponseDefinition stubbed = serveEvent.getResponseDefinition();
      String body = stubbed.getBody();
      if (body == null || !body.contains("\"message_id\":4711")) {
        return stubbed;
      }
      return ResponseDefinitionBuilder.like(stubbed)
          .withBody(body.replace("4711", Long.toString(messageIds.incrementAndGet())))
          .build();
    }
  }

  private final class Listener implements ServeEventListener {
    @Override
    public String getName() {
      return "bench-send-message-receipts";
    }

    @Override
    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
      long nanos = System.nanoTime();
      Instant now = Instant.now();
      long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
      Matcher chat = CHAT_ID.matcher(serveEvent.getRequest().getBodyAsString());
      if (!chat.find()) {
        unreadable.incrementAndGet();
        return;
      }
      List<Receipt> list =
          byChat.computeIfAbsent(Long.parseLong(chat.group(1)), k -> new ArrayList<>(2));
      synchronized (list) {
        list.add(new Receipt(nanos, micros));
      }
      total.incrementAndGet();
    }
  }
}
