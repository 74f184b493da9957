package io.inmo.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id (echoed in {@code X-Request-Id}, present in every log line) and writes
 * one access-log line per request: method, path, status, milliseconds. Query strings are not logged
 * because they may carry tokens.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public final class RequestLoggingFilter implements ContainerRequestFilter, ContainerResponseFilter {
  private static final Logger ACCESS = LoggerFactory.getLogger("io.inmo.access");
  private static final String STARTED = RequestLoggingFilter.class.getName() + ".started";

  @Override
  public void filter(ContainerRequestContext request) {
    String requestId = RequestIds.accept(request.getHeaderString(RequestIds.HEADER));
    MDC.put(RequestIds.MDC_KEY, requestId);
    request.setProperty(RequestIds.MDC_KEY, requestId);
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object requestId = request.getProperty(RequestIds.MDC_KEY);
    if (requestId != null) {
      response.getHeaders().putSingle(RequestIds.HEADER, requestId);
    }
    Object started = request.getProperty(STARTED);
    long millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
    String path = "/" + request.getUriInfo().getPath(false);
    if (path.startsWith("/health/")) {
      ACCESS.debug("{} {} {} {}ms", request.getMethod(), path, response.getStatus(), millis);
    } else {
      ACCESS.info("{} {} {} {}ms", request.getMethod(), path, response.getStatus(), millis);
    }
    MDC.remove(RequestIds.MDC_KEY);
  }
}
