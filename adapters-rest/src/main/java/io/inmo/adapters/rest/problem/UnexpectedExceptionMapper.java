package io.inmo.adapters.rest.problem;

import io.inmo.adapters.rest.http.RequestIds;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last resort: logs the failure with its request id and answers a 500 problem that reveals nothing
 * about the internals.
 */
@Provider
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(Throwable exception) {
    return internalError(exception, uriInfo);
  }

  static Response internalError(Throwable exception, UriInfo uriInfo) {
    LOG.error("unexpected failure handling request {}", RequestIds.current(), exception);
    Problem problem =
        Problem.of(
            500,
            "server.internal_error",
            "Error interno",
            "Ocurrió un error inesperado. Si persiste, informe el identificador de la solicitud.");
    return ProblemResponses.of(problem, uriInfo);
  }
}
