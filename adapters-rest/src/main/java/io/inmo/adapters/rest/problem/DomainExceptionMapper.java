package io.inmo.adapters.rest.problem;

import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps a broken business rule to problem+json: not found → 404, any other rule → 409. */
@Provider
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {
  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(DomainException exception) {
    Problem problem =
        exception instanceof NotFoundException
            ? Problem.of(404, exception.code(), "Recurso no encontrado", exception.getMessage())
            : Problem.of(409, exception.code(), "Operación rechazada", exception.getMessage());
    return ProblemResponses.of(problem, uriInfo);
  }
}
