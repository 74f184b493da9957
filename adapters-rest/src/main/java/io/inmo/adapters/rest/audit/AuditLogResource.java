package io.inmo.adapters.rest.audit;

import io.inmo.adapters.rest.auth.Callers;
import io.inmo.adapters.rest.problem.Ids;
import io.inmo.adapters.rest.problem.Requests;
import io.inmo.application.port.in.audit.ReadAuditLogUseCase;
import io.inmo.application.port.in.audit.ReadAuditLogUseCase.AuditPage;
import io.inmo.application.port.in.audit.ReadAuditLogUseCase.AuditQuery;
import io.inmo.application.port.in.audit.ReadAuditLogUseCase.AuditView;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.user.UserId;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * REST adapter for the audit log ({@code /api/v1/audit}): who changed what and when, newest first
 * with an opaque cursor. ADMIN of the broker; SUPERADMIN names {@code brokerId}; AGENT 403 —
 * decided by {@link ReadAuditLogUseCase}.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit")
public class AuditLogResource {
  private final ReadAuditLogUseCase auditLog;

  @Inject
  public AuditLogResource(ReadAuditLogUseCase auditLog) {
    this.auditLog = auditLog;
  }

  /** One entry; null fields (system actor, no summary, no IP…) are left out by the JSON dialect. */
  public record AuditEntryResponse(
      String id,
      Instant at,
      String action,
      String resourceType,
      String resourceId,
      String userId,
      String userName,
      String userEmail,
      Map<String, Object> before,
      Map<String, Object> after,
      String ip,
      String requestId) {
    static AuditEntryResponse of(AuditView view) {
      AuditEntry e = view.entry();
      return new AuditEntryResponse(
          e.id().value().toString(),
          e.at(),
          e.action(),
          e.resourceType(),
          e.resourceId(),
          e.userId() == null ? null : e.userId().value().toString(),
          view.userName(),
          view.userEmail(),
          e.before(),
          e.after(),
          e.ip(),
          e.requestId());
    }
  }

  public record AuditListResponse(List<AuditEntryResponse> items, String nextCursor) {}

  @GET
  @Operation(
      summary =
          "The broker's audit log, newest first: filters action, userId, from/to (YYYY-MM-DD, the"
              + " broker's days, both included); cursor pagination (ADMIN; SUPERADMIN names"
              + " brokerId)",
      security = @SecurityRequirement(name = "bearer"))
  public AuditListResponse list(
      @QueryParam("brokerId") String brokerId,
      @QueryParam("action") String action,
      @QueryParam("userId") String userId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    var actor = Callers.actor(security);
    record Named(BrokerId broker, UserId user) {}
    Named ids =
        Requests.parse(() -> new Named(Ids.brokerId(brokerId), Ids.userId("userId", userId)));
    AuditPage page =
        auditLog.read(
            actor,
            new AuditQuery(
                ids.broker(),
                action,
                ids.user(),
                date("from", from),
                date("to", to),
                cursor,
                limit(limit),
                Callers.origin(headers)));
    return new AuditListResponse(
        page.items().stream().map(AuditEntryResponse::of).toList(), page.nextCursor());
  }

  private static int limit(String value) {
    if (value == null || value.isBlank()) {
      return ReadAuditLogUseCase.DEFAULT_PAGE_SIZE;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidValueException(
          "audit.invalid_limit",
          "limit debe ser un número entre 1 y " + ReadAuditLogUseCase.MAX_PAGE_SIZE + ".");
    }
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(
          "audit.invalid_period", name + " debe ser una fecha AAAA-MM-DD.");
    }
  }
}
