package io.inmo.adapters.rest;

import io.inmo.adapters.rest.auth.AuthenticationFeature;
import io.inmo.adapters.rest.http.RequestLoggingFilter;
import io.inmo.adapters.rest.http.RequestSizeLimitFilter;
import io.inmo.adapters.rest.json.ObjectMapperProvider;
import io.inmo.adapters.rest.problem.BadRequestExceptionMapper;
import io.inmo.adapters.rest.problem.DomainExceptionMapper;
import io.inmo.adapters.rest.problem.JsonProcessingExceptionMapper;
import io.inmo.adapters.rest.problem.UnexpectedExceptionMapper;
import io.inmo.adapters.rest.problem.WebApplicationExceptionMapper;
import jakarta.ws.rs.core.Configurable;

/**
 * The cross-cutting HTTP pieces every Inmo API shares: JSON dialect, request ids and access log,
 * body size limit, and problem+json for every error. The composition root registers them once.
 */
public final class RestProviders {
  private RestProviders() {}

  public static void register(Configurable<?> config, long maxRequestBytes) {
    register(config, maxRequestBytes, maxRequestBytes);
  }

  /** {@code maxImportBytes} limits the streamed CSV import, {@code maxRequestBytes} the rest. */
  public static void register(Configurable<?> config, long maxRequestBytes, long maxImportBytes) {
    config.register(ObjectMapperProvider.class);
    config.register(RequestLoggingFilter.class);
    config.register(new RequestSizeLimitFilter(maxRequestBytes, maxImportBytes));
    config.register(AuthenticationFeature.class);
    config.register(DomainExceptionMapper.class);
    config.register(BadRequestExceptionMapper.class);
    config.register(JsonProcessingExceptionMapper.class);
    config.register(WebApplicationExceptionMapper.class);
    config.register(UnexpectedExceptionMapper.class);
  }
}
