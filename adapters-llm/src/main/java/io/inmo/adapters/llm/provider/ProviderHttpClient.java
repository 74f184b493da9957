package io.inmo.adapters.llm.provider;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP client under every LangChain4j chat model: java.net.http on HTTP/1.1 (no h2c upgrade,
 * which proxies and WireMock mishandle), one deadline per call, and error responses that keep the
 * provider's {@code Retry-After} for the router (LangChain4j's own JDK client drops the headers).
 */
final class ProviderHttpClient implements HttpClient {
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final java.net.http.HttpClient http;
  private final Duration readTimeout;

  private ProviderHttpClient(Builder b) {
    this.http =
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(b.connectTimeout)
            .build();
    this.readTimeout = b.readTimeout;
  }

  static Builder builder(Duration timeout) {
    return new Builder().connectTimeout(timeout).readTimeout(timeout);
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    java.net.http.HttpRequest.Builder b =
        java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
              }
            });
    String body = request.body();
    b.method(
        request.method().name(),
        body == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    HttpResponse<byte[]> response;
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      throw new TimeoutException(e);
    } catch (IOException e) {
      throw new ProviderIoException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderIoException(e);
    }
    String text = new String(response.body(), StandardCharsets.UTF_8);
    Map<String, List<String>> headers = response.headers().map();
    if (response.statusCode() < 200 || response.statusCode() > 299) {
      throw new ProviderHttpException(
          response.statusCode(),
          text,
          retryAfter(response.headers().firstValue("retry-after").orElse(null), Instant.now()));
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(response.statusCode())
        .headers(headers)
        .body(text)
        .build();
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    // Inmo makes one blocking structured call per turn; streaming models are never built on this.
    throw new UnsupportedOperationException("streaming is not used by Inmo's provider adapters");
  }

  /** Seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String h = header.strip();
    try {
      long seconds = Long.parseLong(h);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  /** A non-2xx answer, with the provider's Retry-After when it sent one. */
  static final class ProviderHttpException extends HttpException {
    private final transient Duration retryAfter;

    ProviderHttpException(int status, String body, Duration retryAfter) {
      super(status, body);
      this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
      return retryAfter;
    }
  }

  /** The connection failed (refused, reset, unresolvable host). */
  static final class ProviderIoException extends RuntimeException {
    ProviderIoException(Exception cause) {
      super(cause.getClass().getSimpleName(), cause);
    }
  }

  /** Builds the client; LangChain4j sets the timeouts from the model's {@code timeout}. */
  static final class Builder implements HttpClientBuilder {
    private Duration connectTimeout = ProviderSettings.DEFAULT_TIMEOUT;
    private Duration readTimeout = ProviderSettings.DEFAULT_TIMEOUT;

    @Override
    public Duration connectTimeout() {
      return connectTimeout;
    }

    @Override
    public Builder connectTimeout(Duration timeout) {
      if (timeout != null) {
        connectTimeout = timeout;
      }
      return this;
    }

    @Override
    public Duration readTimeout() {
      return readTimeout;
    }

    @Override
    public Builder readTimeout(Duration timeout) {
      if (timeout != null) {
        readTimeout = timeout;
      }
      return this;
    }

    @Override
    public HttpClient build() {
      return new ProviderHttpClient(this);
    }
  }
}
