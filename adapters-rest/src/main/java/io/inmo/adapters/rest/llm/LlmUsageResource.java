package io.inmo.adapters.rest.llm;

import io.inmo.adapters.rest.auth.Callers;
import io.inmo.adapters.rest.problem.Ids;
import io.inmo.application.port.in.llm.LlmUsageUseCase;
import io.inmo.application.port.in.llm.LlmUsageUseCase.PlatformUsage;
import io.inmo.application.port.in.llm.LlmUsageUseCase.Usage;
import io.inmo.domain.shared.InvalidValueException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What the AI costs the broker (PRODUCT §9, ADR 0018): calls, failures, tokens and estimated USD
 * per day and per model, per qualified lead, and against the monthly budget. ADMIN; SUPERADMIN
 * names {@code brokerId}, and alone sees every broker's costs ({@code /brokers}).
 */
@Path("/api/v1/llm/usage")
@Produces(MediaType.APPLICATION_JSON)
public class LlmUsageResource {
  private final LlmUsageUseCase usage;

  @Inject
  public LlmUsageResource(LlmUsageUseCase usage) {
    this.usage = usage;
  }

  @GET
  @Operation(
      summary = "The AI's calls, tokens and estimated cost (last 30 days unless from/to)",
      security = @SecurityRequirement(name = "bearer"))
  public Usage read(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security) {
    return usage.usage(
        Callers.actor(security), Ids.brokerId(brokerId), date("from", from), date("to", to));
  }

  @GET
  @Path("brokers")
  @Operation(
      summary = "Every broker's AI calls, tokens and estimated cost (SUPERADMIN)",
      security = @SecurityRequirement(name = "bearer"))
  public PlatformUsage platform(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @Context SecurityContext security) {
    return usage.platform(Callers.actor(security), date("from", from), date("to", to));
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(
          "llm.invalid_period", name + " debe ser una fecha AAAA-MM-DD.");
    }
  }
}
