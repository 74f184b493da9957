package io.inmo.adapters.rest.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Maps JAX-RS' own errors (unknown route, wrong method, wrong media type, oversized body, a query
 * value that does not convert …) to problem+json, keeping headers such as {@code Allow} and {@code
 * Retry-After}.
 */
@Provider
public final class WebApplicationExceptionMapper
    implements ExceptionMapper<WebApplicationException> {
  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(WebApplicationException exception) {
    if (isUnconvertedQueryParam(exception)) {
      // JAX-RS answers 404 when a query value does not convert (limit=abc): the route exists, the
      // value is the client's to fix
      String name = parameterName(exception);
      return ProblemResponses.of(
          Problem.of(
                  400,
                  "request.invalid",
                  "Solicitud inválida",
                  "El parámetro '" + name + "' no tiene un valor válido.")
              .withErrors(List.of(new Problem.FieldError(name, "valor con formato inválido"))),
          uriInfo);
    }
    Response original = exception.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      return UnexpectedExceptionMapper.internalError(exception, uriInfo);
    }
    Problem problem =
        switch (status) {
          case 400 ->
              Problem.of(
                  400,
                  "request.invalid",
                  "Solicitud inválida",
                  safeDetail(exception, "La solicitud no es válida."));
          case 401 ->
              Problem.of(
                  401, "auth.unauthenticated", "No autenticado", "Se requiere iniciar sesión.");
          case 403 ->
              Problem.of(
                  403,
                  "auth.forbidden",
                  "Acceso denegado",
                  "No tiene permiso para esta operación.");
          case 404 ->
              Problem.of(
                  404, "route.not_found", "No encontrado", "No existe el recurso " + path() + ".");
          case 405 ->
              Problem.of(
                  405,
                  "route.method_not_allowed",
                  "Método no permitido",
                  "El recurso " + path() + " no admite este método.");
          case 406 ->
              Problem.of(
                  406,
                  "request.not_acceptable",
                  "Formato no disponible",
                  "El recurso no puede responder en el formato pedido.");
          case 413 ->
              Problem.of(
                  413,
                  "request.too_large",
                  "Solicitud demasiado grande",
                  safeDetail(exception, "El cuerpo de la solicitud excede el tamaño permitido."));
          case 415 ->
              Problem.of(
                  415,
                  "request.unsupported_media_type",
                  "Tipo de contenido no soportado",
                  "Este recurso acepta application/json.");
          case 429 ->
              Problem.of(
                  429,
                  "rate_limit.exceeded",
                  "Demasiadas solicitudes",
                  "Intente de nuevo en unos segundos.");
          default ->
              Problem.of(
                  status, "request.rejected", "Solicitud rechazada", "La solicitud fue rechazada.");
        };
    Response.ResponseBuilder builder = Response.fromResponse(ProblemResponses.of(problem, uriInfo));
    for (String header :
        new String[] {HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE}) {
      Object value = original.getHeaders().getFirst(header);
      if (value != null) {
        builder.header(header, value);
      }
    }
    return builder.build();
  }

  /**
   * Jersey's {@code ParamException.QueryParamException}, recognised by name: this module compiles
   * against the JAX-RS API only.
   */
  private static boolean isUnconvertedQueryParam(WebApplicationException exception) {
    return exception.getClass().getName().endsWith("ParamException$QueryParamException");
  }

  private static String parameterName(WebApplicationException exception) {
    try {
      return String.valueOf(exception.getClass().getMethod("getParameterName").invoke(exception));
    } catch (ReflectiveOperationException e) {
      return "?";
    }
  }

  private String path() {
    return uriInfo == null ? "pedido" : "/" + uriInfo.getPath(false);
  }

  /** Only messages we wrote ourselves (marked with {@link ClientMessage}) reach the client. */
  private static String safeDetail(WebApplicationException exception, String fallback) {
    return exception instanceof ClientMessage ? exception.getMessage() : fallback;
  }

  /** Marker for WebApplicationExceptions whose message was written for the client. */
  public interface ClientMessage {}
}
