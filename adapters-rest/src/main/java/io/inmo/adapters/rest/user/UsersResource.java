package io.inmo.adapters.rest.user;

import io.inmo.adapters.rest.auth.Callers;
import io.inmo.adapters.rest.problem.Ids;
import io.inmo.adapters.rest.problem.Requests;
import io.inmo.application.port.in.identity.ManageUsersUseCase;
import io.inmo.application.port.in.identity.ManageUsersUseCase.NewUser;
import io.inmo.application.port.in.identity.ManageUsersUseCase.UserChanges;
import io.inmo.application.port.in.identity.UserView;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;

/**
 * REST adapter for a broker's staff accounts (§15 {@code /api/v1/users}); who may do what is
 * decided by {@link ManageUsersUseCase}. A SUPERADMIN names the broker with {@code ?brokerId=}.
 */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "users")
public class UsersResource {
  private static final String MERGE_PATCH = "application/merge-patch+json";

  private final ManageUsersUseCase users;

  @Inject
  public UsersResource(ManageUsersUseCase users) {
    this.users = users;
  }

  public record CreateUserRequest(String name, String email, String role, String password) {}

  /** Absent (or null) fields stay as they are. */
  public record UpdateUserRequest(
      String name, String email, String role, Boolean active, String password) {}

  public record UserResponse(
      String id,
      String email,
      String name,
      String role,
      boolean active,
      String brokerId,
      Instant lastLoginAt,
      Instant createdAt,
      Instant updatedAt) {
    static UserResponse of(UserView user) {
      return new UserResponse(
          user.id().value().toString(),
          user.email().value(),
          user.name(),
          user.role().name(),
          user.active(),
          user.brokerId() == null ? null : user.brokerId().value().toString(),
          user.lastLoginAt(),
          user.createdAt(),
          user.updatedAt());
    }
  }

  public record UserListResponse(List<UserResponse> items) {}

  @GET
  @Operation(
      summary = "The broker's users (ADMIN; SUPERADMIN with brokerId)",
      security = @SecurityRequirement(name = "bearer"))
  public UserListResponse list(
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    BrokerId broker = Requests.parse(() -> brokerId(brokerId));
    return new UserListResponse(
        users.list(Callers.actor(security), broker, Callers.origin(headers)).stream()
            .map(UserResponse::of)
            .toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a user of the broker (ADMIN or AGENT)",
      security = @SecurityRequirement(name = "bearer"))
  public Response create(
      CreateUserRequest body,
      @QueryParam("brokerId") String brokerId,
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @Context UriInfo uriInfo) {
    var actor = Callers.actor(security);
    CreateUserRequest request = Requests.requireBody(body);
    NewUser command =
        Requests.parse(
            () ->
                new NewUser(
                    brokerId(brokerId),
                    request.name(),
                    new Email(request.email()),
                    role(request.role()),
                    request.password(),
                    Callers.origin(headers)));
    UserResponse created = UserResponse.of(users.create(actor, command));
    return Response.created(uriInfo.getAbsolutePathBuilder().path(created.id()).build())
        .entity(created)
        .build();
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
  @Operation(
      summary = "Edit a user: name, email, role, active, password",
      security = @SecurityRequirement(name = "bearer"))
  public UserResponse update(
      @PathParam("id") String id,
      UpdateUserRequest body,
      @Context SecurityContext security,
      @Context HttpHeaders headers) {
    var actor = Callers.actor(security);
    UserId userId = userId(id);
    UpdateUserRequest request = Requests.requireBody(body);
    UserChanges changes =
        Requests.parse(
            () ->
                new UserChanges(
                    request.name(),
                    request.email() == null ? null : new Email(request.email()),
                    request.role() == null ? null : role(request.role()),
                    request.active(),
                    request.password(),
                    Callers.origin(headers)));
    return UserResponse.of(users.update(actor, userId, changes));
  }

  private static BrokerId brokerId(String value) {
    return Ids.brokerId(value);
  }

  private static Role role(String value) {
    if (value == null) {
      throw new IllegalArgumentException("role es obligatorio (ADMIN o AGENT)");
    }
    try {
      return Role.fromName(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("role debe ser ADMIN o AGENT");
    }
  }

  /** A malformed id cannot name a user: the same 404 as an unknown one. */
  private static UserId userId(String value) {
    return Ids.pathId(value, UserId::new, "user.not_found", "El usuario no existe.");
  }
}
