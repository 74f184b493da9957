package io.inmo.adapters.chat.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.application.port.out.ChatConnectionCheckPort;
import io.inmo.domain.broker.Slug;
import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat adapter (out): the Telegram half of the connection test. Asks the Bot API who the bot is
 * ({@code getMe}) and where Telegram delivers its updates ({@code getWebhookInfo}), each once, with
 * the broker's bot token in the URL path (INTEGRATIONS §1.4, §1.5). Telegram's refusals become
 * failures with a Spanish message: 401 and 404 are a bad token (404 is what Telegram answers for a
 * malformed one), 429 says how long to wait, 5xx, timeouts and connection errors mean Telegram
 * could not be asked. Neither the token nor a URL holding it is logged or put into a message.
 */
public final class TelegramConnectionChecker implements ChatConnectionCheckPort {
  static final String NOT_CONFIGURED = "telegram.not_configured";
  static final String UNAUTHORIZED = "telegram.unauthorized";
  static final String THROTTLED = "telegram.throttled";
  static final String UNAVAILABLE = "telegram.unavailable";
  static final String TIMEOUT = "telegram.timeout";
  static final String UNREACHABLE = "telegram.unreachable";
  static final String REJECTED = "telegram.rejected";
  static final String INVALID_RESPONSE = "telegram.invalid_response";

  private static final Logger log = LoggerFactory.getLogger(TelegramConnectionChecker.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TOKEN_SHAPE = Pattern.compile("[0-9]{1,20}:[A-Za-z0-9_-]{1,200}");
  private static final int MAX_DESCRIPTION = 200;

  private final String apiBase;
  private final String publicBase;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * A checker with its own HTTP/1.1 client.
   *
   * @param apiBaseUrl the Bot API server, {@link TelegramSender#DEFAULT_BASE_URL} in production
   * @param publicUrl Inmo's public address ({@code INMO_PUBLIC_URL}), the base of the webhook
   * @param timeout for connecting and for each answer
   */
  public TelegramConnectionChecker(URI apiBaseUrl, URI publicUrl, Duration timeout) {
    this(
        apiBaseUrl,
        publicUrl,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        timeout);
  }

  TelegramConnectionChecker(URI apiBaseUrl, URI publicUrl, HttpClient http, Duration timeout) {
    this.apiBase = withoutTrailingSlash(Objects.requireNonNull(apiBaseUrl, "apiBaseUrl"));
    this.publicBase = withoutTrailingSlash(Objects.requireNonNull(publicUrl, "publicUrl"));
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public ChatProvider provider() {
    return ChatProvider.TELEGRAM;
  }

  @Override
  public URI webhookUrl(Slug slug) {
    return URI.create(publicBase + TelegramWebhookResource.PATH.replace("{slug}", slug.value()));
  }

  @Override
  public ConnectionCheck check(Map<String, Secret> credentials, URI webhookUrl) {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
    Secret secret = credentials.get(TelegramSender.BOT_TOKEN);
    if (secret == null) {
      return ConnectionCheck.failed(
          new Failure(
              NOT_CONFIGURED,
              "No hay token del bot guardado: pégalo en la configuración de chat (te lo entrega"
                  + " @BotFather al crear el bot)."));
    }
    String token = secret.reveal().strip();
    if (!TOKEN_SHAPE.matcher(token).matches()) {
      // it becomes a URL path segment: never send anything but a token's shape
      return ConnectionCheck.failed(
          new Failure(
              UNAUTHORIZED,
              "El token guardado no tiene la forma de un token de Telegram (123456789:ABC…):"
                  + " cópialo de nuevo desde @BotFather."));
    }
    Answer me = call(token, "getMe");
    if (me.failure() != null) {
      return ConnectionCheck.failed(me.failure());
    }
    JsonNode bot = me.result();
    if (!bot.isObject() || !bot.path("id").isIntegralNumber()) {
      return ConnectionCheck.failed(invalidResponse("getMe"));
    }
    Account account =
        new Account(
            bot.path("id").asText(),
            text(bot, "username"),
            text(bot, "first_name"),
            null,
            null,
            null);
    Answer info = call(token, "getWebhookInfo");
    if (info.failure() != null) {
      return new ConnectionCheck(account, null, info.failure());
    }
    JsonNode result = info.result();
    if (!result.isObject() || !result.path("url").isTextual()) {
      return new ConnectionCheck(account, null, invalidResponse("getWebhookInfo"));
    }
    String url = result.path("url").asText();
    JsonNode lastError = result.path("last_error_date");
    Webhook webhook =
        new Webhook(
            url,
            !url.isEmpty() && url.equals(webhookUrl.toString()),
            result.path("pending_update_count").isIntegralNumber()
                ? result.path("pending_update_count").asInt()
                : null,
            lastError.isIntegralNumber() && lastError.asLong() > 0
                ? Instant.ofEpochSecond(lastError.asLong())
                : null,
            clip(scrub(text(result, "last_error_message"), token)));
    return new ConnectionCheck(account, webhook, null);
  }

  /** One Bot API call: its {@code result}, or why there is none. */
  private Answer call(String token, String method) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(apiBase + "/bot" + token + "/" + method))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      return unreachable(method, "connect timeout");
    } catch (HttpTimeoutException e) {
      log.info("telegram {} timed out after {} ms", method, timeout.toMillis());
      return Answer.failed(
          new Failure(
              TIMEOUT,
              "Telegram no respondió en "
                  + seconds(timeout)
                  + " s: intenta de nuevo en unos minutos."));
    } catch (IOException e) {
      return unreachable(method, e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.failed(
          new Failure(UNREACHABLE, "La consulta a Telegram se interrumpió: intenta de nuevo."));
    }
    int status = response.statusCode();
    JsonNode body = read(response.body());
    String description = clip(scrub(text(body, "description"), token));
    if (status == 200 && body.path("ok").asBoolean(false) && body.has("result")) {
      return new Answer(body.get("result"), null);
    }
    log.info("telegram {} answered HTTP {} ({})", method, status, description);
    if (status == 200) {
      return Answer.failed(invalidResponse(method));
    }
    String said = description == null ? "HTTP " + status : description;
    return Answer.failed(
        switch (status) {
          case 401, 404 ->
              new Failure(
                  UNAUTHORIZED,
                  "Telegram rechazó el token del bot ("
                      + said
                      + "): puede estar revocado o mal copiado. Pide uno nuevo a @BotFather"
                      + " (/token) y guárdalo en la configuración de chat.");
          case 429 ->
              new Failure(
                  THROTTLED,
                  "Telegram pidió esperar"
                      + retryAfter(body)
                      + " antes de volver a consultar: intenta de nuevo en un momento.");
          default ->
              status >= 500
                  ? new Failure(
                      UNAVAILABLE,
                      "Telegram respondió con un error propio ("
                          + said
                          + "): intenta de nuevo en unos minutos.")
                  : new Failure(REJECTED, "Telegram rechazó la consulta: " + said + ".");
        });
  }

  private Answer unreachable(String method, String why) {
    log.info("telegram {} unreachable: {}", method, why);
    return Answer.failed(
        new Failure(
            UNREACHABLE,
            "No se pudo conectar con Telegram: revisa que el servidor de Inmo tenga salida a"
                + " internet e intenta de nuevo."));
  }

  private static Failure invalidResponse(String method) {
    return new Failure(
        INVALID_RESPONSE,
        "Telegram respondió a " + method + " algo que no es una respuesta de la Bot API.");
  }

  private static String retryAfter(JsonNode body) {
    JsonNode seconds = body.path("parameters").path("retry_after");
    return seconds.isIntegralNumber() ? " " + seconds.asLong() + " s" : " un momento";
  }

  private static JsonNode read(byte[] body) {
    try {
      JsonNode node = body == null || body.length == 0 ? null : JSON.readTree(body);
      return node == null ? JSON.missingNode() : node;
    } catch (IOException notJson) {
      return JSON.missingNode(); // e.g. a proxy's HTML error page
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static String scrub(String text, String token) {
    return text == null ? null : text.replace(token, "••••");
  }

  private static String clip(String text) {
    return text == null || text.length() <= MAX_DESCRIPTION
        ? text
        : text.substring(0, MAX_DESCRIPTION) + "…";
  }

  private static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }

  private static String withoutTrailingSlash(URI uri) {
    return uri.toString().replaceAll("/+$", "");
  }

  /** A Bot API call's {@code result}, or the failure instead. */
  private record Answer(JsonNode result, Failure failure) {
    static Answer failed(Failure failure) {
      return new Answer(null, failure);
    }
  }
}
