package io.inmo.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small HTTP client for end-to-end tests: JSON in and out, optional bearer token, and a client
 * address sent as {@code X-Forwarded-For} (servers under test trust the proxy), so that each test
 * has rate-limit buckets of its own even when Redis keeps counts between runs.
 */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI base;
  private final String clientAddress;

  Api(URI base) {
    this(base, randomAddress());
  }

  private Api(URI base, String clientAddress) {
    this.base = base;
    this.clientAddress = clientAddress;
  }

  /** The same server seen from another client address. */
  Api fromAnotherAddress() {
    return new Api(base, randomAddress());
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return send(request(path, token).GET());
  }

  HttpResponse<String> post(String path, String json, String token) throws Exception {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> post(String path, Object body) throws Exception {
    return post(path, JSON.writeValueAsString(body), null);
  }

  /** Any method (PUT, PATCH, …) with an optional JSON body (a String is sent as is). */
  HttpResponse<String> exchange(String method, String path, Object body, String token)
      throws Exception {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(
                body instanceof String text ? text : JSON.writeValueAsString(body));
    HttpRequest.Builder builder = request(path, token).method(method, publisher);
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return send(builder);
  }

  /**
   * Any method with a raw body (null for none) and the given {@code Content-Type} (null for none),
   * for requests a well-behaved client would not send.
   */
  HttpResponse<String> raw(
      String method, String path, String contentType, String body, String token) throws Exception {
    return raw(method, path, contentType, body, token, "application/json");
  }

  /** {@link #raw(String, String, String, String, String)} with the given {@code Accept}. */
  HttpResponse<String> raw(
      String method, String path, String contentType, String body, String token, String accept)
      throws Exception {
    HttpRequest.Builder builder =
        request(path, token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .setHeader("Accept", accept);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  /** A GET asking for another representation than JSON (e.g. {@code text/csv}). */
  HttpResponse<String> getAccepting(String path, String accept, String token) throws Exception {
    return send(request(path, token).setHeader("Accept", accept).GET());
  }

  /**
   * A POST of raw bytes (e.g. a CSV file, possibly not valid UTF-8) with a content type. A large
   * import is one long request: it may take a minute on a loaded two-core machine.
   */
  HttpResponse<String> postBytes(String path, String contentType, byte[] body, String token)
      throws Exception {
    return send(
        request(path, token)
            .timeout(Duration.ofSeconds(90))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  static JsonNode assertProblem(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("code").asText()).isEqualTo(code);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    return problem;
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json")
            .header("X-Forwarded-For", clientAddress);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An address in 10/8, fresh per client. */
  private static String randomAddress() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
  }
}
