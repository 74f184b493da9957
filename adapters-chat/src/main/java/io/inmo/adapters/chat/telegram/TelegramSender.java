package io.inmo.adapters.chat.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.inmo.application.port.out.ChatSenderPort;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat adapter (out): sends a lead a text over the Telegram Bot API ({@code POST
 * {base}/bot<token>/sendMessage}). Keeps to Telegram's flood limits with Resilience4j rate limiters
 * (one per bot token, one per chat, waiting for a slot; a message takes one slot of each, whatever
 * its retries), retries 429 (after its {@code retry_after}), 5xx, I/O errors and timeouts with
 * Resilience4j Retry, and maps every other answer to a {@link Rejected}. The bot token travels in
 * the URL path: neither the URL nor the token is ever logged or put into an outcome.
 *
 * <p>Outcome codes: {@code telegram.not_configured} (no {@value #BOT_TOKEN} credential), {@code
 * .unauthorized} (401/404, or a malformed token), {@code .blocked} (403), {@code .chat_not_found}
 * and {@code .bad_request} (400), {@code .unsupported} (a WhatsApp template), {@code
 * .text_too_long} (over 4096 characters) are {@link Rejected}; {@code .throttled} (429 or no rate
 * slot), {@code .unavailable} (5xx, I/O error, timeout) and {@code .invalid_response} (a 200 that
 * is not a sent message; not retried, as the message may have gone out) are {@link Failed}.
 */
public final class TelegramSender implements ChatSenderPort {
  /** Telegram's public Bot API server; a self-hosted Bot API server works as well. */
  public static final URI DEFAULT_BASE_URL = URI.create("https://api.telegram.org");

  /** The credential key holding the bot token. */
  public static final String BOT_TOKEN = "telegram.bot_token";

  static final String NOT_CONFIGURED = "telegram.not_configured";
  static final String UNSUPPORTED = "telegram.unsupported";
  static final String TEXT_TOO_LONG = "telegram.text_too_long";
  static final String BAD_REQUEST = "telegram.bad_request";
  static final String CHAT_NOT_FOUND = "telegram.chat_not_found";
  static final String BLOCKED = "telegram.blocked";
  static final String UNAUTHORIZED = "telegram.unauthorized";
  static final String THROTTLED = "telegram.throttled";
  static final String UNAVAILABLE = "telegram.unavailable";
  static final String INVALID_RESPONSE = "telegram.invalid_response";

  private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);
  private static final int MAX_TEXT_LENGTH = 4096; // Bot API: 1-4096 characters per message
  private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9:_-]+");
  private static final Pattern CHAT_ID = Pattern.compile("-?[0-9]{1,18}");
  private static final String MASK = "••••";

  private final String baseUrl;
  private final HttpClient http;
  private final TelegramSenderConfig config;
  private final ObjectMapper json = new ObjectMapper();
  private final Retry retry;
  private final RateLimiterConfig botLimit;
  private final RateLimiterConfig chatLimit;
  private final Map<String, RateLimiter> botLimiters;
  private final Map<ChatKey, RateLimiter> chatLimiters;

  /** A sender with its own HTTP/1.1 client using {@code config}'s connect timeout. */
  public TelegramSender(URI baseUrl, TelegramSenderConfig config) {
    this(
        baseUrl,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .build(),
        config);
  }

  /**
   * A sender on a given client, which should speak HTTP/1.1 (the JDK client's default HTTP/2
   * upgrade breaks against some servers and proxies); {@code config}'s request timeout applies to
   * each call.
   */
  public TelegramSender(URI baseUrl, HttpClient http, TelegramSenderConfig config) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", "");
    this.http = Objects.requireNonNull(http, "http");
    this.config = Objects.requireNonNull(config, "config");
    IntervalFunction backoff =
        IntervalFunction.ofExponentialBackoff(config.initialBackoff(), 2.0, config.maxBackoff());
    IntervalBiFunction<Attempt> interval =
        (attempt, result) ->
            result.isRight() && result.get().retryAfter() != null
                ? result.get().retryAfter().toMillis()
                : backoff.apply(attempt);
    this.retry =
        Retry.of(
            "telegram-sendMessage",
            RetryConfig.<Attempt>custom()
                .maxAttempts(config.maxAttempts())
                .retryOnResult(Attempt::retryable)
                .intervalBiFunction(interval)
                .build());
    this.botLimit =
        RateLimiterConfig.custom()
            .limitForPeriod(config.messagesPerSecondPerBot())
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(config.rateLimitWait())
            .build();
    this.chatLimit =
        RateLimiterConfig.custom()
            .limitForPeriod(1)
            .limitRefreshPeriod(config.perChatInterval())
            .timeoutDuration(config.rateLimitWait())
            .build();
    this.botLimiters = leastRecentlyUsed(config.maxTrackedChats());
    this.chatLimiters = leastRecentlyUsed(config.maxTrackedChats());
  }

  @Override
  public ChatProvider provider() {
    return ChatProvider.TELEGRAM;
  }

  @Override
  public SendOutcome send(OutgoingChatMessage message) {
    Objects.requireNonNull(message, "message");
    SendOutcome outcome = sendChecked(message);
    switch (outcome) {
      case Sent sent ->
          log.debug(
              "Telegram message to chat {} of broker {} sent as {}",
              message.channelUserId(),
              message.brokerId(),
              sent.providerMessageId());
      case Rejected rejected ->
          log.warn(
              "Telegram refused a message to chat {} of broker {}: {} ({})",
              message.channelUserId(),
              message.brokerId(),
              rejected.code(),
              rejected.detail());
      case Failed failed ->
          log.warn(
              "Telegram message to chat {} of broker {} not sent: {} ({})",
              message.channelUserId(),
              message.brokerId(),
              failed.code(),
              failed.detail());
    }
    return outcome;
  }

  private SendOutcome sendChecked(OutgoingChatMessage message) {
    Secret secret = message.credentials().get(BOT_TOKEN);
    if (secret == null) {
      return new Rejected(NOT_CONFIGURED, "no Telegram bot token is configured for this broker");
    }
    String token = secret.reveal();
    if (!TOKEN_SHAPE.matcher(token).matches()) {
      return new Rejected(UNAUTHORIZED, "the Telegram bot token is malformed");
    }
    if (message.template() != null) {
      return new Rejected(UNSUPPORTED, "Telegram has no message templates; send text");
    }
    if (message.text().length() > MAX_TEXT_LENGTH) {
      return new Rejected(
          TEXT_TOO_LONG, "Telegram takes at most " + MAX_TEXT_LENGTH + " characters per message");
    }
    String chatId = message.channelUserId();
    if (!CHAT_ID.matcher(chatId).matches()) {
      return new Rejected(BAD_REQUEST, "not a Telegram chat id: " + chatId);
    }
    // the chat's slot first: a message waiting for its chat must not hold one of the bot's slots
    if (!limiter(chatLimiters, new ChatKey(token, chatId), chatLimit).acquirePermission()
        || !limiter(botLimiters, token, botLimit).acquirePermission()) {
      return Thread.currentThread().isInterrupted()
          ? new Failed(UNAVAILABLE, "interrupted while waiting for a send slot")
          : new Failed(
              THROTTLED, "no send slot within " + config.rateLimitWait().toMillis() + " ms");
    }
    HttpRequest request = request(token, chatId, message.text());
    try {
      SendOutcome outcome = retry.executeSupplier(() -> post(request, token)).outcome();
      // Telegram numbers messages per chat: the chat makes the id unique for the bot
      return outcome instanceof Sent sent
          ? new Sent(chatId + ":" + sent.providerMessageId())
          : outcome;
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) { // Retry gives up when its wait is interrupted
        return new Failed(UNAVAILABLE, "interrupted while waiting to retry");
      }
      throw e;
    }
  }

  private HttpRequest request(String token, String chatId, String text) {
    ObjectNode body = json.createObjectNode();
    body.put("chat_id", Long.parseLong(chatId));
    body.put("text", text);
    String payload;
    try {
      payload = json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a sendMessage body", e); // a tree always writes
    }
    return HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + token + "/sendMessage"))
        .timeout(config.requestTimeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
        .build();
  }

  /** One HTTP attempt; never throws for what the network or Telegram did. */
  private Attempt post(HttpRequest request, String token) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      return Attempt.retry(new Failed(UNAVAILABLE, "timeout: " + scrub(e.getMessage(), token)));
    } catch (IOException e) {
      return Attempt.retry(
          new Failed(
              UNAVAILABLE, e.getClass().getSimpleName() + ": " + scrub(e.getMessage(), token)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempt.done(new Failed(UNAVAILABLE, "interrupted while sending"));
    }
    Attempt attempt = classify(response.statusCode(), readJson(response.body()), token);
    if (attempt.retryable()) {
      log.debug(
          "Telegram sendMessage answered HTTP {} ({}); retrying if the budget allows",
          response.statusCode(),
          attempt.outcome());
    }
    return attempt;
  }

  private Attempt classify(int status, JsonNode body, String token) {
    String description = scrub(describe(status, body), token);
    if (status == 200) {
      JsonNode id = body == null ? null : body.path("result").path("message_id");
      if (body != null && body.path("ok").asBoolean(false) && id.isIntegralNumber()) {
        return Attempt.done(new Sent(id.asText()));
      }
      // the message may have gone out: a retry could send it twice
      return Attempt.done(new Failed(INVALID_RESPONSE, "unreadable sendMessage answer (HTTP 200)"));
    }
    return switch (status) {
      case 429 -> throttled(body, description);
      case 400 ->
          Attempt.done(
              new Rejected(
                  description.toLowerCase(Locale.ROOT).contains("chat not found")
                      ? CHAT_NOT_FOUND
                      : BAD_REQUEST,
                  description));
      case 401, 404 -> Attempt.done(new Rejected(UNAUTHORIZED, description));
      case 403 -> Attempt.done(new Rejected(BLOCKED, description));
      default -> {
        if (status >= 500) {
          yield Attempt.retry(new Failed(UNAVAILABLE, description));
        }
        yield status >= 400
            ? Attempt.done(new Rejected(BAD_REQUEST, description))
            : Attempt.done(new Failed(INVALID_RESPONSE, description));
      }
    };
  }

  private Attempt throttled(JsonNode body, String description) {
    JsonNode retryAfter = body == null ? null : body.path("parameters").path("retry_after");
    if (retryAfter == null || !retryAfter.isIntegralNumber() || retryAfter.asLong() < 0) {
      return Attempt.retry(new Failed(THROTTLED, description)); // no hint: exponential backoff
    }
    Duration wait = Duration.ofSeconds(retryAfter.asLong());
    if (wait.compareTo(config.maxRetryAfter()) > 0) {
      // retrying earlier than asked only earns another 429; the caller may try again later
      return Attempt.done(new Failed(THROTTLED, description));
    }
    return new Attempt(new Failed(THROTTLED, description), true, wait);
  }

  private static String describe(int status, JsonNode body) {
    JsonNode description = body == null ? null : body.get("description");
    return description != null && description.isTextual() ? description.asText() : "HTTP " + status;
  }

  private JsonNode readJson(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null; // e.g. a proxy's HTML error page
    }
  }

  private static String scrub(String text, String token) {
    return text == null ? "" : text.replace(token, MASK);
  }

  private static <K> RateLimiter limiter(
      Map<K, RateLimiter> limiters, K key, RateLimiterConfig limit) {
    // names are for metrics: never the token
    return limiters.computeIfAbsent(key, k -> RateLimiter.of("telegram", limit));
  }

  private static <K, V> Map<K, V> leastRecentlyUsed(int capacity) {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        });
  }

  /** A chat of one bot: chat ids are only unique per bot. */
  private record ChatKey(String token, String chatId) {
    @Override
    public String toString() {
      return "ChatKey[" + chatId + "]";
    }
  }

  /**
   * What one HTTP attempt gave: a final outcome, or a {@link Failed} worth retrying, after {@code
   * retryAfter} when Telegram said how long to wait (else after the exponential backoff).
   */
  private record Attempt(SendOutcome outcome, boolean retryable, Duration retryAfter) {
    static Attempt done(SendOutcome outcome) {
      return new Attempt(outcome, false, null);
    }

    static Attempt retry(Failed failed) {
      return new Attempt(failed, true, null);
    }
  }
}
