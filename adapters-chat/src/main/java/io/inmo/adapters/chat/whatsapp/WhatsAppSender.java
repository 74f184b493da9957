package io.inmo.adapters.chat.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.inmo.application.port.out.ChatSenderPort;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat adapter (out): sends a text or an approved template to a lead through the WhatsApp Cloud
 * API, {@code POST {baseUrl}/{version}/{phoneNumberId}/messages} with the broker's bearer token
 * (INTEGRATIONS §2.6).
 *
 * <p>Graph errors become outcomes by their {@code error.code} (§2.7): closed 24-hour window,
 * undeliverable or invalid number, bad token, template problems and other 4xx are {@link Rejected}
 * after exactly one request; throttling (HTTP 429 and the rate-limit codes, honouring {@code
 * Retry-After}) and server trouble (5xx, I/O errors, timeouts) are retried with exponential backoff
 * and end as {@link Failed} when the attempts run out. Each business number gets its own rate
 * limiter (80 messages/s by default); a send waits for its permit. The access token goes only into
 * the {@code Authorization} header: it is never logged and is scrubbed from every outcome detail.
 */
public final class WhatsAppSender implements ChatSenderPort {
  /** Credential key: the Graph id of the broker's business phone number. */
  public static final String PHONE_NUMBER_ID = "whatsapp.phone_number_id";

  /** Credential key: the system-user access token with {@code whatsapp_business_messaging}. */
  public static final String ACCESS_TOKEN = "whatsapp.access_token";

  static final String NOT_CONFIGURED = "whatsapp.not_configured";
  static final String OUTSIDE_WINDOW = "whatsapp.outside_window";
  static final String UNDELIVERABLE = "whatsapp.undeliverable";
  static final String INVALID_NUMBER = "whatsapp.invalid_number";
  static final String UNAUTHORIZED = "whatsapp.unauthorized";
  static final String TEMPLATE_REJECTED = "whatsapp.template_rejected";
  static final String BAD_REQUEST = "whatsapp.bad_request";
  static final String THROTTLED = "whatsapp.throttled";
  static final String UNAVAILABLE = "whatsapp.unavailable";

  private static final Logger log = LoggerFactory.getLogger(WhatsAppSender.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern GRAPH_ID = Pattern.compile("\\d{1,32}");
  private static final int MAX_DETAIL_BODY_CHARS = 200;

  /** Business numbers whose rate limiters are kept at most; the least recently used goes first. */
  private static final int MAX_LIMITERS = 10_000;

  private static final int RE_ENGAGEMENT = 131047;
  private static final int UNDELIVERABLE_CODE = 131026;
  private static final int HEALTHY_ECOSYSTEM = 131049;

  // recipient cannot be the sender; recipient not in the test number's allowed list
  private static final Set<Integer> INVALID_RECIPIENT_CODES = Set.of(131021, 131030);

  // OAuth exception, permission denied, token expired/invalid (200-299: API permissions)
  private static final Set<Integer> AUTH_CODES = Set.of(0, 10, 190);

  // app / WABA call limits, throughput, spam limit, pair (business, user) limit
  private static final Set<Integer> THROTTLE_CODES = Set.of(4, 80007, 130429, 131048, 131056);

  // unknown / service errors, "something went wrong"
  private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2, 131000);

  private final Settings settings;
  private final HttpClient http;
  private final Retry retry;
  private final RateLimiterConfig limiterConfig;
  private final Map<String, RateLimiter> limiters =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
          return size() > MAX_LIMITERS;
        }
      };

  /** A sender with its own HTTP/1.1 client, retry policy and per-number rate limiters. */
  public WhatsAppSender(Settings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    // HTTP/1.1: the JDK client's h2c upgrade with a request body breaks on Jetty/WireMock (§6.1)
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.retry =
        Retry.of(
            "whatsapp-send",
            RetryConfig.<Attempt>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnResult(this::worthRetrying)
                .retryOnException(e -> false) // attempts never throw: an exception here is a bug
                .intervalBiFunction(this::waitMillis)
                .build());
    this.limiterConfig =
        RateLimiterConfig.custom()
            .limitForPeriod(settings.messagesPerSecond())
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(settings.maxRateLimitWait())
            .build();
  }

  @Override
  public ChatProvider provider() {
    return ChatProvider.WHATSAPP;
  }

  @Override
  public SendOutcome send(OutgoingChatMessage message) {
    Objects.requireNonNull(message, "message");
    Secret phone = message.credentials().get(PHONE_NUMBER_ID);
    Secret token = message.credentials().get(ACCESS_TOKEN);
    if (phone == null || token == null) {
      return logged(message, new Rejected(NOT_CONFIGURED, missing(phone, token)));
    }
    String phoneNumberId = phone.reveal().strip();
    if (!GRAPH_ID.matcher(phoneNumberId).matches()) {
      // it becomes a path segment: refuse anything but digits
      return logged(
          message, new Rejected(NOT_CONFIGURED, "phoneNumberId is not a numeric Graph id"));
    }
    HttpRequest request =
        HttpRequest.newBuilder(messagesUri(phoneNumberId))
            .timeout(settings.requestTimeout())
            .header("Authorization", "Bearer " + token.reveal())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body(message)))
            .build();
    RateLimiter limiter = limiter(phoneNumberId);
    AtomicInteger attempts = new AtomicInteger();
    Attempt last =
        retry.executeSupplier(
            () -> {
              attempts.incrementAndGet();
              return attempt(limiter, request, token);
            });
    return logged(message, outcome(last, attempts.get()));
  }

  /** The JSON body of §2.6: a text message or a template with body parameters. */
  private static byte[] body(OutgoingChatMessage message) {
    ObjectNode root = JSON.createObjectNode();
    root.put("messaging_product", "whatsapp");
    root.put("recipient_type", "individual");
    root.put("to", message.channelUserId());
    if (message.template() == null) {
      root.put("type", "text");
      ObjectNode text = root.putObject("text");
      text.put("preview_url", false);
      text.put("body", message.text());
    } else {
      Template template = message.template();
      root.put("type", "template");
      ObjectNode node = root.putObject("template");
      node.put("name", template.name());
      node.putObject("language").put("code", template.languageCode());
      if (!template.bodyParameters().isEmpty()) {
        ObjectNode bodyComponent = node.putArray("components").addObject();
        bodyComponent.put("type", "body");
        ArrayNode parameters = bodyComponent.putArray("parameters");
        for (String value : template.bodyParameters()) {
          parameters.addObject().put("type", "text").put("text", value);
        }
      }
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a WhatsApp message", e);
    }
  }

  private URI messagesUri(String phoneNumberId) {
    String base = settings.baseUrl().toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + "/" + settings.apiVersion() + "/" + phoneNumberId + "/messages");
  }

  private RateLimiter limiter(String phoneNumberId) {
    synchronized (limiters) {
      return limiters.computeIfAbsent(
          phoneNumberId, id -> RateLimiter.of("whatsapp-" + id, limiterConfig));
    }
  }

  /** One rate-limited HTTP request; never throws. */
  private Attempt attempt(RateLimiter limiter, HttpRequest request, Secret token) {
    try {
      RateLimiter.waitForPermission(limiter);
    } catch (RequestNotPermitted e) {
      return new Done(
          new Failed(
              THROTTLED,
              "no send permit within "
                  + settings.maxRateLimitWait().toMillis()
                  + " ms (limit "
                  + settings.messagesPerSecond()
                  + " messages/s per number)"));
    }
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return classify(response, token);
    } catch (HttpConnectTimeoutException e) {
      return new Transient(
          UNAVAILABLE,
          "no connection within " + settings.connectTimeout().toMillis() + " ms",
          null);
    } catch (HttpTimeoutException e) {
      return new Transient(
          UNAVAILABLE, "no answer within " + settings.requestTimeout().toMillis() + " ms", null);
    } catch (IOException e) {
      return new Transient(UNAVAILABLE, scrub(ioDetail(e), token), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Done(new Failed(UNAVAILABLE, "interrupted while sending"));
    }
  }

  private static String ioDetail(IOException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** Turns one HTTP answer into a final outcome or a retryable failure (INTEGRATIONS §2.7). */
  private Attempt classify(HttpResponse<byte[]> response, Secret token) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      String id = JsonBodies.text(JsonBodies.read(response.body()).path("messages").path(0), "id");
      if (id == null) {
        // accepted but unidentifiable: retrying could send the message twice
        return new Done(new Failed(UNAVAILABLE, "HTTP " + status + " without messages[0].id"));
      }
      return new Done(new Sent(id));
    }
    GraphError error = GraphError.of(response.body());
    String detail = scrub(error.describe(status), token);
    int code = error.code() == null ? -1 : error.code();
    if (code == RE_ENGAGEMENT) {
      return new Done(new Rejected(OUTSIDE_WINDOW, detail));
    }
    if (code == UNDELIVERABLE_CODE) {
      return new Done(new Rejected(UNDELIVERABLE, detail));
    }
    if (INVALID_RECIPIENT_CODES.contains(code)) {
      return new Done(new Rejected(INVALID_NUMBER, detail));
    }
    if (AUTH_CODES.contains(code) || (code >= 200 && code <= 299) || status == 401) {
      return new Done(new Rejected(UNAUTHORIZED, detail));
    }
    if (code >= 132000 && code <= 132999) {
      return new Done(new Rejected(TEMPLATE_REJECTED, detail));
    }
    if (code == HEALTHY_ECOSYSTEM) {
      // Meta held it back (per-user marketing limit): pointless to retry within seconds
      return new Done(new Failed(THROTTLED, detail));
    }
    Duration retryAfter = retryAfter(response);
    if (THROTTLE_CODES.contains(code) || status == 429) {
      return new Transient(THROTTLED, detail, retryAfter);
    }
    if (status >= 500 || TRANSIENT_CODES.contains(code) || error.transientFlag()) {
      return new Transient(UNAVAILABLE, detail, retryAfter);
    }
    return new Done(new Rejected(BAD_REQUEST, detail));
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
  private static Duration retryAfter(HttpResponse<?> response) {
    String value = response.headers().firstValue("Retry-After").orElse(null);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(Instant.now(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private boolean worthRetrying(Attempt attempt) {
    // a Retry-After beyond the wait budget is honoured by giving up now: the caller retries later
    return attempt instanceof Transient r
        && (r.retryAfter() == null || r.retryAfter().compareTo(settings.maxBackoff()) <= 0);
  }

  /** The wait before attempt {@code failures + 1}: the server's hint, else exponential backoff. */
  private long waitMillis(int failures, Either<Throwable, Attempt> last) {
    if (last.isRight() && last.get() instanceof Transient r && r.retryAfter() != null) {
      return r.retryAfter().toMillis();
    }
    long initial = settings.initialBackoff().toMillis();
    long factor = 1L << Math.min(failures - 1, 30);
    long max = settings.maxBackoff().toMillis();
    return initial > max / factor ? max : Math.min(max, initial * factor);
  }

  private SendOutcome outcome(Attempt last, int attempts) {
    return switch (last) {
      case Done done -> done.outcome();
      case Transient r
          when r.retryAfter() != null && r.retryAfter().compareTo(settings.maxBackoff()) > 0 ->
          new Failed(
              r.code(),
              r.detail() + "; Retry-After " + r.retryAfter().toSeconds() + " s, try again later");
      case Transient r ->
          new Failed(r.code(), r.detail() + "; gave up after " + attempts + " attempts");
    };
  }

  private static String missing(Secret phone, Secret token) {
    List<String> names = new ArrayList<>();
    if (phone == null) {
      names.add(PHONE_NUMBER_ID);
    }
    if (token == null) {
      names.add(ACCESS_TOKEN);
    }
    return "missing credentials: " + String.join(", ", names);
  }

  /** Removes the token from text that came from the wire, in case a proxy or Meta echoes it. */
  private static String scrub(String text, Secret token) {
    return text == null ? null : text.replace(token.reveal(), token.masked());
  }

  private static SendOutcome logged(OutgoingChatMessage message, SendOutcome outcome) {
    // never the recipient, the text or a credential: broker and outcome only
    switch (outcome) {
      case Sent sent ->
          log.debug(
              "whatsapp message sent, broker={} id={}",
              message.brokerId(),
              sent.providerMessageId());
      case Rejected rejected ->
          log.warn(
              "whatsapp message rejected, broker={} code={} detail={}",
              message.brokerId(),
              rejected.code(),
              rejected.detail());
      case Failed failed ->
          log.warn(
              "whatsapp message failed, broker={} code={} detail={}",
              message.brokerId(),
              failed.code(),
              failed.detail());
    }
    return outcome;
  }

  /** What one HTTP attempt came to. */
  private sealed interface Attempt {}

  /** Final: no further attempt can change it. */
  private record Done(SendOutcome outcome) implements Attempt {}

  /** Transient: worth another attempt after {@code retryAfter} (null: our own backoff). */
  private record Transient(String code, String detail, Duration retryAfter) implements Attempt {}

  /** The Graph API error object of a failed call (§2.7); all fields null when the body had none. */
  private record GraphError(
      Integer code,
      Integer subcode,
      String message,
      String details,
      String traceId,
      boolean transientFlag,
      String rawBody) {

    static GraphError of(byte[] body) {
      JsonNode root = JsonBodies.read(body);
      JsonNode error = root.path("error");
      if (!error.isObject()) {
        return new GraphError(null, null, null, null, null, false, JsonBodies.snippet(body));
      }
      return new GraphError(
          error.path("code").canConvertToInt() ? error.path("code").asInt() : null,
          error.path("error_subcode").canConvertToInt()
              ? error.path("error_subcode").asInt()
              : null,
          JsonBodies.text(error, "message"),
          JsonBodies.text(error.path("error_data"), "details"),
          JsonBodies.text(error, "fbtrace_id"),
          error.path("is_transient").asBoolean(false),
          null);
    }

    /** E.g. {@code HTTP 400, code 131047: (#131047) Re-engagement message — Message failed…}. */
    String describe(int status) {
      StringBuilder out = new StringBuilder("HTTP ").append(status);
      if (code != null) {
        out.append(", code ").append(code);
        if (subcode != null) {
          out.append('/').append(subcode);
        }
      }
      if (message != null) {
        out.append(": ").append(message);
      }
      if (details != null && !details.equals(message)) {
        out.append(" — ").append(details);
      }
      if (traceId != null) {
        out.append(" (fbtrace_id ").append(traceId).append(')');
      }
      if (rawBody != null && !rawBody.isEmpty()) {
        out.append(": ").append(rawBody);
      }
      return out.toString();
    }
  }

  /** Lenient reading of Graph response bodies: never throws. */
  private static final class JsonBodies {
    private JsonBodies() {}

    static JsonNode read(byte[] body) {
      try {
        JsonNode node = body == null || body.length == 0 ? null : JSON.readTree(body);
        return node == null ? JSON.missingNode() : node;
      } catch (IOException notJson) {
        return JSON.missingNode();
      }
    }

    static String text(JsonNode node, String field) {
      JsonNode value = node.path(field);
      return value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }

    static String snippet(byte[] body) {
      if (body == null) {
        return "";
      }
      String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
      return text.length() <= MAX_DETAIL_BODY_CHARS
          ? text
          : text.substring(0, MAX_DETAIL_BODY_CHARS) + "…";
    }
  }

  /**
   * How the sender reaches Graph and how hard it tries.
   *
   * @param baseUrl Graph's root, {@link #GRAPH_URL} in production; a WireMock URL in tests
   * @param apiVersion the version path segment, e.g. {@code v23.0}
   * @param connectTimeout TCP/TLS connect timeout
   * @param requestTimeout how long one request may wait for its answer
   * @param maxAttempts attempts per message including the first (1 = no retry)
   * @param initialBackoff wait after the first transient failure; doubled after each further one
   * @param maxBackoff the longest single wait, also the longest {@code Retry-After} honoured by
   *     waiting (a longer one ends the send as {@link Failed} at once)
   * @param messagesPerSecond send permits per business number per second
   * @param maxRateLimitWait how long a send waits for a permit before it fails as throttled
   */
  public record Settings(
      URI baseUrl,
      String apiVersion,
      Duration connectTimeout,
      Duration requestTimeout,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      int messagesPerSecond,
      Duration maxRateLimitWait) {

    /** The Graph API host. */
    public static final URI GRAPH_URL = URI.create("https://graph.facebook.com");

    /** The version of Meta's OpenAPI spec the wire format was checked against (INTEGRATIONS §2). */
    public static final String DEFAULT_API_VERSION = "v23.0";

    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");

    public Settings {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(apiVersion, "apiVersion");
      if (!VERSION.matcher(apiVersion).matches()) {
        throw new IllegalArgumentException("apiVersion must look like v23.0: " + apiVersion);
      }
      requirePositive(connectTimeout, "connectTimeout");
      requirePositive(requestTimeout, "requestTimeout");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be ≥ 1");
      }
      requireNotNegative(initialBackoff, "initialBackoff");
      requireNotNegative(maxBackoff, "maxBackoff");
      if (initialBackoff.compareTo(maxBackoff) > 0) {
        throw new IllegalArgumentException("initialBackoff must not exceed maxBackoff");
      }
      if (messagesPerSecond < 1) {
        throw new IllegalArgumentException("messagesPerSecond must be ≥ 1");
      }
      requireNotNegative(maxRateLimitWait, "maxRateLimitWait");
    }

    /**
     * Production defaults: Graph {@value #DEFAULT_API_VERSION}, connect 5 s, answer 20 s, 4
     * attempts backing off 500 ms → 30 s, 80 messages/s per number, at most 10 s waiting for one.
     */
    public static Settings defaults() {
      return new Settings(
          GRAPH_URL,
          DEFAULT_API_VERSION,
          Duration.ofSeconds(5),
          Duration.ofSeconds(20),
          4,
          Duration.ofMillis(500),
          Duration.ofSeconds(30),
          80,
          Duration.ofSeconds(10));
    }

    public Settings withBaseUrl(URI url) {
      return new Settings(
          url,
          apiVersion,
          connectTimeout,
          requestTimeout,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          messagesPerSecond,
          maxRateLimitWait);
    }

    public Settings withApiVersion(String version) {
      return new Settings(
          baseUrl,
          version,
          connectTimeout,
          requestTimeout,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          messagesPerSecond,
          maxRateLimitWait);
    }

    public Settings withTimeouts(Duration connect, Duration request) {
      return new Settings(
          baseUrl,
          apiVersion,
          connect,
          request,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          messagesPerSecond,
          maxRateLimitWait);
    }

    public Settings withRetry(int attempts, Duration initial, Duration max) {
      return new Settings(
          baseUrl,
          apiVersion,
          connectTimeout,
          requestTimeout,
          attempts,
          initial,
          max,
          messagesPerSecond,
          maxRateLimitWait);
    }

    public Settings withRateLimit(int perSecond, Duration maxWait) {
      return new Settings(
          baseUrl,
          apiVersion,
          connectTimeout,
          requestTimeout,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          perSecond,
          maxWait);
    }

    private static void requirePositive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
    }

    private static void requireNotNegative(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
    }
  }
}
