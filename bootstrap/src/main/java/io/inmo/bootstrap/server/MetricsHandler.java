package io.inmo.bootstrap.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /health/metrics}: the node's metrics in the Prometheus text format, for a scraper on
 * the operator's network. Aggregates only — providers, models, outcomes, JVM figures — never a
 * broker, a lead or a secret.
 */
public final class MetricsHandler extends Handler.Wrapper {
  public static final String PATH = "/health/metrics";
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  public MetricsHandler(Handler next, PrometheusMeterRegistry registry) {
    super(next);
    this.registry = registry;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!PATH.equals(Request.getPathInContext(request))
        || !HttpMethod.GET.is(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(
        true, ByteBuffer.wrap(registry.scrape().getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
