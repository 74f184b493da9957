package io.inmo.adapters.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** A real Jersey-on-Jetty server on a free loopback port, for testing REST adapters over HTTP. */
public final class RestTestServer implements AutoCloseable {
  private final Server server;
  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public RestTestServer(ResourceConfig config, long maxRequestBytes) {
    RestProviders.register(config, maxRequestBytes);
    config.register(JacksonFeature.withoutExceptionMappers());
    server =
        JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:0/"), config, true);
    int port =
        ((org.eclipse.jetty.server.ServerConnector) server.getConnectors()[0]).getLocalPort();
    base = URI.create("http://127.0.0.1:" + port);
  }

  public HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
