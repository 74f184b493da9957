package io.inmo.adapters.rest.health;

import io.inmo.application.port.in.platform.CheckReadinessUseCase;
import io.inmo.application.port.in.platform.CheckReadinessUseCase.ReadinessView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** REST adapter for liveness and readiness probes (load balancers, orchestrators, operators). */
@PermitAll
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health")
public class HealthResource {
  private final CheckReadinessUseCase readiness;

  @Inject
  public HealthResource(CheckReadinessUseCase readiness) {
    this.readiness = readiness;
  }

  @GET
  @Path("live")
  @Operation(summary = "Liveness: the process is up and serving HTTP")
  public Map<String, String> live() {
    return Map.of("status", "up");
  }

  @GET
  @Path("ready")
  @Operation(
      summary = "Readiness: 200 when the database (and Redis, when configured) answer, else 503")
  public Response ready() {
    ReadinessView view = readiness.check();
    String status = !view.ready() ? "down" : view.degraded() ? "degraded" : "up";
    return Response.status(view.ready() ? 200 : 503)
        .entity(new ReadinessResponse(status, view.dependencies()))
        .header("Cache-Control", "no-store")
        .build();
  }

  /** Body of {@code /health/ready}. */
  public record ReadinessResponse(
      String status, java.util.List<CheckReadinessUseCase.DependencyView> checks) {}
}
