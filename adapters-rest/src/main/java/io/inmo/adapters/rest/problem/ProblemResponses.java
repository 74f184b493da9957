package io.inmo.adapters.rest.problem;

import io.inmo.adapters.rest.http.RequestIds;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Builds {@code application/problem+json} responses that carry the request path and id. */
public final class ProblemResponses {
  private ProblemResponses() {}

  public static Response of(Problem problem, UriInfo uriInfo) {
    String instance = uriInfo == null ? null : "/" + uriInfo.getPath(false);
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .entity(problem.withRequest(instance, RequestIds.current()))
        .build();
  }
}
