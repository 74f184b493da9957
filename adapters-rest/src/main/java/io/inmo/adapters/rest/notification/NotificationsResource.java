package io.inmo.adapters.rest.notification;

import io.inmo.adapters.rest.auth.Callers;
import io.inmo.adapters.rest.problem.Ids;
import io.inmo.adapters.rest.problem.Requests;
import io.inmo.application.port.in.notification.NotificationsUseCase;
import io.inmo.application.port.in.notification.NotificationsUseCase.NotificationPage;
import io.inmo.domain.notification.Notification;
import io.inmo.domain.notification.NotificationId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;

/**
 * REST adapter for the caller's in-app inbox ({@code /api/v1/notifications}): hot-lead alerts and
 * later other notices. Everyone reads only their own.
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class NotificationsResource {
  private static final int DEFAULT_PAGE_SIZE = 20;

  private final NotificationsUseCase notifications;

  @Inject
  public NotificationsResource(NotificationsUseCase notifications) {
    this.notifications = notifications;
  }

  public record NotificationResponse(
      String id,
      String kind,
      String leadId,
      String title,
      String body,
      Instant createdAt,
      Instant readAt) {
    static NotificationResponse of(Notification n) {
      return new NotificationResponse(
          n.id().toString(),
          n.kind().apiValue(),
          n.leadId() == null ? null : n.leadId().value().toString(),
          n.title(),
          n.body(),
          n.createdAt(),
          n.readAt());
    }
  }

  public record NotificationListResponse(
      List<NotificationResponse> items, String nextCursor, long unreadCount) {}

  public record MarkedResponse(int marked) {}

  @GET
  @Operation(
      summary = "The caller's notifications, newest first (unread=true for unread only)",
      security = @SecurityRequirement(name = "bearer"))
  public NotificationListResponse list(
      @QueryParam("unread") String unread,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") String limit,
      @Context SecurityContext security) {
    boolean unreadOnly = Boolean.TRUE.equals(Requests.parse(() -> Requests.bool("unread", unread)));
    int size = Requests.parse(() -> Requests.integer("limit", limit, DEFAULT_PAGE_SIZE));
    NotificationPage page = notifications.list(Callers.actor(security), unreadOnly, cursor, size);
    return new NotificationListResponse(
        page.items().stream().map(NotificationResponse::of).toList(),
        page.nextCursor(),
        page.unreadCount());
  }

  @POST
  @Path("/{id}/read")
  @Operation(
      summary = "Mark one of the caller's notifications read",
      security = @SecurityRequirement(name = "bearer"))
  public NotificationResponse markRead(
      @PathParam("id") String id, @Context SecurityContext security) {
    NotificationId notificationId =
        Ids.pathId(id, NotificationId::new, "notification.not_found", "La notificación no existe.");
    return NotificationResponse.of(notifications.markRead(Callers.actor(security), notificationId));
  }

  @POST
  @Path("/read-all")
  @Operation(
      summary = "Mark all the caller's notifications read",
      security = @SecurityRequirement(name = "bearer"))
  public MarkedResponse markAllRead(@Context SecurityContext security) {
    return new MarkedResponse(notifications.markAllRead(Callers.actor(security)));
  }
}
