package io.inmo.adapters.rest.lead;

import io.inmo.adapters.rest.auth.Callers;
import io.inmo.adapters.rest.lead.LeadJson.LeadResponse;
import io.inmo.adapters.rest.problem.Ids;
import io.inmo.adapters.rest.problem.Requests;
import io.inmo.application.port.in.pipeline.PipelineUseCase;
import io.inmo.application.port.in.pipeline.PipelineUseCase.Board;
import io.inmo.application.port.in.pipeline.PipelineUseCase.Metrics;
import io.inmo.domain.broker.BrokerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * REST adapter for the pipeline board and metrics (§6, §15 {@code /api/v1/pipeline}); a SUPERADMIN
 * names the broker with {@code ?brokerId=}.
 */
@Path("/api/v1/pipeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "pipeline")
public class PipelineResource {
  private static final int DEFAULT_PER_STAGE = 20;
  private static final int DEFAULT_STUCK_DAYS = 14;
  private static final int DEFAULT_WEEKS = 12;

  private final PipelineUseCase pipeline;

  @Inject
  public PipelineResource(PipelineUseCase pipeline) {
    this.pipeline = pipeline;
  }

  public record ColumnResponse(
      String stage, String label, long count, List<LeadResponse> items, String nextCursor) {}

  public record BoardResponse(List<ColumnResponse> stages) {}

  public record StageMetricsResponse(
      String stage,
      String label,
      long count,
      BigDecimal budgetUf,
      BigDecimal budgetClp,
      double averageDaysInStage,
      long stuck) {}

  public record ConversionResponse(
      String from, String to, long reached, long advanced, Double rate) {}

  public record WeekResponse(LocalDate weekStart, long leads) {}

  public record MetricsResponse(
      List<StageMetricsResponse> stages,
      List<ConversionResponse> conversion,
      int stuckAfterDays,
      List<WeekResponse> weeklyIntake,
      Double medianFirstResponseSeconds) {}

  @GET
  @Path("/board")
  @Operation(
      summary = "Every stage with its count and first leads (continue with /leads?stage=&cursor=)",
      security = @SecurityRequirement(name = "bearer"))
  public BoardResponse board(
      @QueryParam("limit") String limit,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    int perStage = Requests.parse(() -> Requests.integer("limit", limit, DEFAULT_PER_STAGE));
    BrokerId broker = Requests.parse(() -> Ids.brokerId(brokerId));
    Board board =
        pipeline.board(Callers.actor(security), broker, perStage, Callers.origin(headers));
    return new BoardResponse(
        board.stages().stream()
            .map(
                column ->
                    new ColumnResponse(
                        column.stage().apiValue(),
                        column.stage().label(),
                        column.count(),
                        column.items().stream().map(LeadResponse::of).toList(),
                        column.nextCursor()))
            .toList());
  }

  @GET
  @Path("/metrics")
  @Operation(
      summary =
          "Per-stage counts and budgets, conversion, days in stage, stuck leads, weekly intake,"
              + " median first response",
      security = @SecurityRequirement(name = "bearer"))
  public MetricsResponse metrics(
      @QueryParam("stuckDays") String stuckDays,
      @QueryParam("weeks") String weeks,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    int stuck = Requests.parse(() -> Requests.integer("stuckDays", stuckDays, DEFAULT_STUCK_DAYS));
    int weekCount = Requests.parse(() -> Requests.integer("weeks", weeks, DEFAULT_WEEKS));
    BrokerId broker = Requests.parse(() -> Ids.brokerId(brokerId));
    Metrics m =
        pipeline.metrics(
            Callers.actor(security), broker, stuck, weekCount, Callers.origin(headers));
    return new MetricsResponse(
        m.stages().stream()
            .map(
                s ->
                    new StageMetricsResponse(
                        s.stage().apiValue(),
                        s.stage().label(),
                        s.count(),
                        s.budgetUf(),
                        s.budgetClp(),
                        Math.round(s.averageDaysInStage() * 10) / 10.0,
                        s.stuck()))
            .toList(),
        m.conversion().stream()
            .map(
                c ->
                    new ConversionResponse(
                        c.from().apiValue(),
                        c.to().apiValue(),
                        c.reached(),
                        c.advanced(),
                        c.rate() == null ? null : Math.round(c.rate() * 1000) / 1000.0))
            .toList(),
        m.stuckAfterDays(),
        m.weeklyIntake().stream().map(w -> new WeekResponse(w.weekStart(), w.leads())).toList(),
        m.medianFirstResponse() == null ? null : m.medianFirstResponse().toMillis() / 1000.0);
  }
}
