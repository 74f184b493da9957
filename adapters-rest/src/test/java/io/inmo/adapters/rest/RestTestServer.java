package io.inmo.adapters.rest;

import io.inmo.adapters.rest.auth.JwtAccessTokens;
import io.inmo.application.port.in.identity.AuthenticateUseCase;
import io.inmo.application.security.Actor;
import io.inmo.application.security.UnauthenticatedException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.jetty.server.Server;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** A real Jersey-on-Jetty server on a free loopback port, for testing REST adapters over HTTP. */
public final class RestTestServer implements AutoCloseable {
  private final Server server;
  private final URI base;

  /** Signs the access tokens the test server accepts (see {@link #tokenFor}). */
  public static final JwtAccessTokens TOKENS =
      new JwtAccessTokens(
          "clave-de-pruebas-de-inmo-con-32-bytes-o-mas".getBytes(StandardCharsets.UTF_8),
          Duration.ofMinutes(15));

  public RestTestServer(ResourceConfig config, long maxRequestBytes) {
    RestProviders.register(config, maxRequestBytes);
    AuthenticateUseCase authenticate =
        token ->
            TOKENS
                .verify(token == null ? "" : token, Instant.now())
                .orElseThrow(
                    () -> new UnauthenticatedException("auth.invalid_token", "token no válido"));
    config.register(
        new AbstractBinder() {
          @Override
          protected void configure() {
            bind(authenticate).to(AuthenticateUseCase.class);
          }
        });
    config.register(JacksonFeature.withoutExceptionMappers());
    server =
        JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:0/"), config, true);
    int port =
        ((org.eclipse.jetty.server.ServerConnector) server.getConnectors()[0]).getLocalPort();
    base = URI.create("http://127.0.0.1:" + port);
  }

  /** A valid bearer token for {@code actor}. */
  public static String tokenFor(Actor actor) {
    return TOKENS.issue(actor, Instant.now()).value();
  }

  public HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    // a fresh client per request: a server that closed a connection after an error answer (413)
    // must not make the next test fail on a stale pooled connection
    try (HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build()) {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
