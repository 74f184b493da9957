package io.inmo.adapters.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}) with Inmo's stable {@code
 * code}; {@code errors} lists field-level problems of a rejected request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    String instance,
    String requestId,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://inmo.dev/problems/";

  /** A problem whose {@code type} URI is derived from its code. */
  public static Problem of(int status, String code, String title, String detail) {
    return new Problem(
        TYPE_BASE + code.replace('.', '/'), title, status, detail, code, null, null, null);
  }

  public Problem withRequest(String instance, String requestId) {
    return new Problem(type, title, status, detail, code, instance, requestId, errors);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(
        type, title, status, detail, code, instance, requestId, List.copyOf(fieldErrors));
  }

  /** One rejected field: a JSON pointer-ish path and what is wrong with it. */
  public record FieldError(String field, String message) {}
}
