package io.inmo.adapters.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Maps unreadable JSON to a 400 problem. The detail names the field and the position, never the
 * Java types or the parser's internals.
 */
@Provider
public final class JsonProcessingExceptionMapper
    implements ExceptionMapper<JsonProcessingException> {
  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(JsonProcessingException exception) {
    Problem problem;
    if (exception instanceof ValueInstantiationException instantiation
        && instantiation.getCause() instanceof IllegalArgumentException invalid
        && invalid.getMessage() != null) {
      // a request record's compact constructor rejected the input: its message was written for
      // clients
      problem = Problem.of(400, "request.invalid", "Solicitud inválida", invalid.getMessage());
    } else if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping.getPath());
      String message =
          exception instanceof InvalidFormatException
                  || exception instanceof MismatchedInputException
              ? "valor con formato o tipo inválido"
              : "valor inválido";
      problem =
          Problem.of(
                  400,
                  "request.invalid_json",
                  "JSON inválido",
                  "El campo '" + field + "' tiene un " + message + ".")
              .withErrors(List.of(new Problem.FieldError(field, message)));
    } else {
      String where =
          exception.getLocation() == null
              ? ""
              : " (línea "
                  + exception.getLocation().getLineNr()
                  + ", columna "
                  + exception.getLocation().getColumnNr()
                  + ")";
      problem =
          Problem.of(
              400,
              "request.malformed_json",
              "JSON mal formado",
              "El cuerpo no es JSON válido" + where + ".");
    }
    return ProblemResponses.of(problem, uriInfo);
  }

  private static String path(List<JsonMappingException.Reference> references) {
    return references.stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
