package io.inmo.adapters.rest.lead;

import io.inmo.adapters.rest.auth.Callers;
import io.inmo.adapters.rest.problem.Ids;
import io.inmo.adapters.rest.problem.Requests;
import io.inmo.application.port.in.lead.RescoreLeadsUseCase;
import io.inmo.domain.lead.RescoringRun;
import io.inmo.domain.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;

/**
 * REST adapter: progress of the background rescoring a change of the lead config started ({@code
 * GET /api/v1/broker/rescoring}; a SUPERADMIN adds {@code ?brokerId=}).
 */
@Path("/api/v1/broker/rescoring")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "broker")
public class RescoringResource {
  private final RescoreLeadsUseCase rescoring;

  @Inject
  public RescoringResource(RescoreLeadsUseCase rescoring) {
    this.rescoring = rescoring;
  }

  public record RescoringResponse(
      String id,
      String status,
      Long total,
      long processed,
      long changed,
      Integer percent,
      Instant requestedAt,
      Instant startedAt,
      Instant finishedAt) {
    static RescoringResponse of(RescoringRun run) {
      Integer percent =
          run.total() == null
              ? null
              : run.total() == 0 ? 100 : (int) Math.min(100, run.processed() * 100 / run.total());
      return new RescoringResponse(
          run.id().toString(),
          run.status().apiValue(),
          run.total(),
          run.processed(),
          run.changed(),
          run.status() == RescoringRun.Status.DONE ? Integer.valueOf(100) : percent,
          run.createdAt(),
          run.startedAt(),
          run.finishedAt());
    }
  }

  @GET
  @Operation(
      summary = "The latest background rescoring of the broker's leads and its progress",
      security = @SecurityRequirement(name = "bearer"))
  public RescoringResponse latest(
      @QueryParam("brokerId") String brokerId, @Context SecurityContext security) {
    return rescoring
        .latest(Callers.actor(security), Requests.parse(() -> Ids.brokerId(brokerId)))
        .map(RescoringResponse::of)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "rescoring.none", "Esta corredora todavía no ha recalculado puntajes."));
  }
}
