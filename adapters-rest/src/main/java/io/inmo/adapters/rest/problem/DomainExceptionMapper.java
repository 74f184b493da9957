package io.inmo.adapters.rest.problem;

import io.inmo.application.security.PermissionDeniedException;
import io.inmo.application.security.TooManyRequestsException;
import io.inmo.application.security.UnauthenticatedException;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Maps a broken business rule to problem+json: not authenticated → 401 (with {@code
 * WWW-Authenticate}), not allowed → 403, not found → 404, invalid value → 400, rate limited → 429
 * (with {@code Retry-After}), any other rule → 409.
 */
@Provider
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {
  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(DomainException exception) {
    String code = exception.code();
    String detail = exception.getMessage();
    Response response =
        switch (exception) {
          case UnauthenticatedException e ->
              Response.fromResponse(
                      ProblemResponses.of(Problem.of(401, code, "No autenticado", detail), uriInfo))
                  .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"inmo\"")
                  .build();
          case PermissionDeniedException e ->
              ProblemResponses.of(Problem.of(403, code, "Acción no permitida", detail), uriInfo);
          case NotFoundException e ->
              ProblemResponses.of(Problem.of(404, code, "Recurso no encontrado", detail), uriInfo);
          case InvalidValueException e ->
              ProblemResponses.of(Problem.of(400, code, "Datos no válidos", detail), uriInfo);
          case TooManyRequestsException e ->
              Response.fromResponse(
                      ProblemResponses.of(
                          Problem.of(429, code, "Demasiadas solicitudes", detail), uriInfo))
                  .header(
                      HttpHeaders.RETRY_AFTER,
                      Math.max(1, (e.retryAfter().toMillis() + 999) / 1000))
                  .build();
          default ->
              ProblemResponses.of(Problem.of(409, code, "Operación rechazada", detail), uriInfo);
        };
    return response;
  }
}
