package io.inmo.bootstrap.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Inmo's public HTTP API as the demo filler calls it: JSON in and out, an optional bearer token or
 * web-chat session. An answer outside 2xx becomes an {@link ApiException} carrying the problem's
 * {@code code} and {@code detail}.
 */
final class InmoApi {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String CHAT_SESSION = "X-Inmo-Chat-Session";

  private final URI base;
  private final HttpClient http;

  InmoApi(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  URI base() {
    return base;
  }

  /** Whether an Inmo answers {@code /health/live} at the base URL. */
  boolean isUp() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(base.resolve("/health/live"))
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("\"up\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  JsonNode get(String path, String token) {
    return send("GET", path, null, token, null);
  }

  JsonNode post(String path, Object body, String token) {
    return send("POST", path, body, token, null);
  }

  /** A web-chat call made as the visitor holding {@code session}. */
  JsonNode asVisitor(String method, String path, Object body, String session) {
    return send(method, path, body, null, session);
  }

  private JsonNode send(String method, String path, Object body, String token, String session) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(30))
              .header("Accept", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      if (session != null) {
        request.header(CHAT_SESSION, session);
      }
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json =
          response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
      if (response.statusCode() / 100 != 2) {
        throw new ApiException(
            method + " " + path,
            response.statusCode(),
            json.path("code").asText("http." + response.statusCode()),
            json.path("detail").asText(response.body()));
      }
      return json;
    } catch (IOException e) {
      throw new ApiException(method + " " + path, 0, "http.unreachable", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(method + " " + path, 0, "http.interrupted", "interrupted");
    }
  }

  /** An answer outside 2xx (or none): the request, the status and the problem's code. */
  static final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    ApiException(String request, int status, String code, String detail) {
      super(request + " → " + (status == 0 ? "" : status + " ") + code + ": " + detail);
      this.status = status;
      this.code = code;
    }

    int status() {
      return status;
    }

    String code() {
      return code;
    }
  }
}
