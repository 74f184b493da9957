package io.inmo.adapters.chat.whatsapp;

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
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat adapter (out): the WhatsApp half of the connection test. Looks the broker's business number
 * up in the Cloud API, {@code GET {base}/{version}/{phoneNumberId}?fields=display_phone_number,
 * verified_name,quality_rating} with its bearer token, once. Graph errors become failures by their
 * {@code error.code} (INTEGRATIONS §2.7): 190 (or HTTP 401) a refused token, 100 (or HTTP 404) a
 * number the token cannot see, 10 and 200–299 a missing permission, rate-limit codes and 429
 * throttling, 5xx and transient codes Meta's own trouble. The phone number's webhook subscription
 * cannot be read with this token, so the check reports no webhook. The token goes only into the
 * {@code Authorization} header; it is never logged and is scrubbed from Meta's messages.
 */
public final class WhatsAppConnectionChecker implements ChatConnectionCheckPort {
  static final String NOT_CONFIGURED = "whatsapp.not_configured";
  static final String UNAUTHORIZED = "whatsapp.unauthorized";
  static final String PHONE_NUMBER_NOT_FOUND = "whatsapp.phone_number_not_found";
  static final String PERMISSION_DENIED = "whatsapp.permission_denied";
  static final String THROTTLED = "whatsapp.throttled";
  static final String UNAVAILABLE = "whatsapp.unavailable";
  static final String TIMEOUT = "whatsapp.timeout";
  static final String UNREACHABLE = "whatsapp.unreachable";
  static final String REJECTED = "whatsapp.rejected";
  static final String INVALID_RESPONSE = "whatsapp.invalid_response";

  /** The fields the check reads. */
  static final String FIELDS = "display_phone_number,verified_name,quality_rating";

  private static final Logger log = LoggerFactory.getLogger(WhatsAppConnectionChecker.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern GRAPH_ID = Pattern.compile("\\d{1,32}");
  private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");
  private static final int MAX_MESSAGE = 200;
  private static final int INVALID_TOKEN = 190;
  private static final int INVALID_PARAMETER = 100;
  private static final Set<Integer> PERMISSION_CODES = Set.of(3, 10);
  private static final Set<Integer> THROTTLE_CODES = Set.of(4, 17, 32, 613, 80007, 130429);
  private static final Set<Integer> TRANSIENT_CODES = Set.of(1, 2, 131000);

  private final String graphBase;
  private final String apiVersion;
  private final String publicBase;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * A checker with its own HTTP/1.1 client.
   *
   * @param graphBaseUrl Graph's root, {@link WhatsAppSender.Settings#GRAPH_URL} in production
   * @param apiVersion the version path segment, e.g. {@code v23.0}
   * @param publicUrl Inmo's public address ({@code INMO_PUBLIC_URL}), the base of the webhook
   * @param timeout for connecting and for the answer
   */
  public WhatsAppConnectionChecker(
      URI graphBaseUrl, String apiVersion, URI publicUrl, Duration timeout) {
    this(
        graphBaseUrl,
        apiVersion,
        publicUrl,
        HttpClient.newBuilder()
            // HTTP/1.1: the JDK client's h2c upgrade breaks on some servers and proxies (§6.1)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        timeout);
  }

  WhatsAppConnectionChecker(
      URI graphBaseUrl, String apiVersion, URI publicUrl, HttpClient http, Duration timeout) {
    this.graphBase = withoutTrailingSlash(Objects.requireNonNull(graphBaseUrl, "graphBaseUrl"));
    if (!VERSION.matcher(Objects.requireNonNull(apiVersion, "apiVersion")).matches()) {
      throw new IllegalArgumentException("apiVersion must look like v23.0: " + apiVersion);
    }
    this.apiVersion = apiVersion;
    this.publicBase = withoutTrailingSlash(Objects.requireNonNull(publicUrl, "publicUrl"));
    this.http = Objects.requireNonNull(http, "http");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  @Override
  public ChatProvider provider() {
    return ChatProvider.WHATSAPP;
  }

  @Override
  public URI webhookUrl(Slug slug) {
    return URI.create(publicBase + WhatsAppWebhookResource.PATH.replace("{slug}", slug.value()));
  }

  @Override
  public ConnectionCheck check(Map<String, Secret> credentials, URI webhookUrl) {
    Objects.requireNonNull(credentials, "credentials");
    Secret phone = credentials.get(WhatsAppSender.PHONE_NUMBER_ID);
    Secret token = credentials.get(WhatsAppSender.ACCESS_TOKEN);
    if (phone == null || token == null) {
      return ConnectionCheck.failed(
          new Failure(
              NOT_CONFIGURED,
              phone == null && token == null
                  ? "Faltan el phoneNumberId y el accessToken de WhatsApp: guárdalos en la"
                      + " configuración de chat (los encuentras en WhatsApp Manager)."
                  : phone == null
                      ? "Falta el phoneNumberId de WhatsApp: guárdalo en la configuración de chat"
                          + " (WhatsApp Manager → Números de teléfono)."
                      : "Falta el accessToken de WhatsApp: guarda un token de usuario del sistema"
                          + " con el permiso whatsapp_business_messaging."));
    }
    String phoneNumberId = phone.reveal().strip();
    if (!GRAPH_ID.matcher(phoneNumberId).matches()) {
      // it becomes a path segment: refuse anything but digits
      return ConnectionCheck.failed(
          new Failure(
              NOT_CONFIGURED,
              "El phoneNumberId debe ser el identificador numérico que muestra WhatsApp Manager"
                  + " (no el número de teléfono con + ni espacios)."));
    }
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    graphBase + "/" + apiVersion + "/" + phoneNumberId + "?fields=" + FIELDS))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token.reveal())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      return unreachable("connect timeout");
    } catch (HttpTimeoutException e) {
      log.info("whatsapp phone number lookup timed out after {} ms", timeout.toMillis());
      return ConnectionCheck.failed(
          new Failure(
              TIMEOUT,
              "Meta no respondió en "
                  + Math.max(1, (timeout.toMillis() + 999) / 1000)
                  + " s: intenta de nuevo en unos minutos."));
    } catch (IOException e) {
      return unreachable(e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ConnectionCheck.failed(
          new Failure(UNREACHABLE, "La consulta a Meta se interrumpió: intenta de nuevo."));
    }
    int status = response.statusCode();
    JsonNode body = read(response.body());
    if (status == 200) {
      String display = text(body, "display_phone_number");
      if (display == null) {
        return ConnectionCheck.failed(
            new Failure(
                INVALID_RESPONSE,
                "Meta respondió algo que no es el número de WhatsApp consultado."));
      }
      return new ConnectionCheck(
          new Account(
              phoneNumberId,
              null,
              null,
              display,
              text(body, "verified_name"),
              text(body, "quality_rating")),
          null,
          null);
    }
    JsonNode error = body.path("error");
    int code = error.path("code").canConvertToInt() ? error.path("code").asInt() : -1;
    String said = clip(scrub(describe(status, error), token));
    log.info("whatsapp phone number lookup answered HTTP {} ({})", status, said);
    Failure failure;
    if (code == INVALID_TOKEN || status == 401) {
      failure =
          new Failure(
              UNAUTHORIZED,
              "Meta rechazó el token de acceso ("
                  + said
                  + "): venció, fue revocado o está mal copiado. Genera un token de usuario del"
                  + " sistema con el permiso whatsapp_business_messaging y guárdalo de nuevo.");
    } else if (code == INVALID_PARAMETER || status == 404) {
      failure =
          new Failure(
              PHONE_NUMBER_NOT_FOUND,
              "Meta no encuentra el número con phoneNumberId "
                  + phoneNumberId
                  + ", o el token no tiene acceso a él ("
                  + said
                  + "): revisa el identificador en WhatsApp Manager → Números de teléfono.");
    } else if (PERMISSION_CODES.contains(code) || (code >= 200 && code <= 299) || status == 403) {
      failure =
          new Failure(
              PERMISSION_DENIED,
              "El token no tiene permiso sobre este número ("
                  + said
                  + "): dale los permisos whatsapp_business_messaging y"
                  + " whatsapp_business_management al usuario del sistema.");
    } else if (THROTTLE_CODES.contains(code) || status == 429) {
      failure =
          new Failure(
              THROTTLED,
              "Meta limitó las consultas de esta cuenta ("
                  + said
                  + "): intenta de nuevo en unos minutos.");
    } else if (status >= 500
        || TRANSIENT_CODES.contains(code)
        || error.path("is_transient").asBoolean(false)) {
      failure =
          new Failure(
              UNAVAILABLE,
              "Meta respondió con un error propio ("
                  + said
                  + "): intenta de nuevo en unos minutos.");
    } else {
      failure = new Failure(REJECTED, "Meta rechazó la consulta (" + said + ").");
    }
    return ConnectionCheck.failed(failure);
  }

  private ConnectionCheck unreachable(String why) {
    log.info("whatsapp phone number lookup: Graph unreachable ({})", why);
    return ConnectionCheck.failed(
        new Failure(
            UNREACHABLE,
            "No se pudo conectar con Meta: revisa que el servidor de Inmo tenga salida a internet"
                + " e intenta de nuevo."));
  }

  /** E.g. {@code HTTP 401, código 190: Invalid OAuth access token - Cannot parse access token}. */
  private static String describe(int status, JsonNode error) {
    StringBuilder out = new StringBuilder("HTTP ").append(status);
    if (error.path("code").canConvertToInt()) {
      out.append(", código ").append(error.path("code").asInt());
      if (error.path("error_subcode").canConvertToInt()) {
        out.append('/').append(error.path("error_subcode").asInt());
      }
    }
    String message = text(error, "message");
    if (message != null) {
      out.append(": ").append(message);
    }
    return out.toString();
  }

  private static JsonNode read(byte[] body) {
    try {
      JsonNode node = body == null || body.length == 0 ? null : JSON.readTree(body);
      return node == null ? JSON.missingNode() : node;
    } catch (IOException notJson) {
      return JSON.missingNode();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
  }

  /** Removes the token from text that came from the wire, in case a proxy or Meta echoes it. */
  private static String scrub(String text, Secret token) {
    return text.replace(token.reveal(), token.masked());
  }

  private static String clip(String text) {
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
  }

  private static String withoutTrailingSlash(URI uri) {
    return uri.toString().replaceAll("/+$", "");
  }
}
