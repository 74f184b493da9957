package io.inmo.adapters.rest.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps {@link BadRequestException} to a 400 problem listing the rejected fields. */
@Provider
public final class BadRequestExceptionMapper implements ExceptionMapper<BadRequestException> {
  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(BadRequestException exception) {
    Problem problem =
        Problem.of(400, exception.code(), "Solicitud inválida", exception.getMessage());
    if (!exception.errors().isEmpty()) {
      problem = problem.withErrors(exception.errors());
    }
    return ProblemResponses.of(problem, uriInfo);
  }
}
