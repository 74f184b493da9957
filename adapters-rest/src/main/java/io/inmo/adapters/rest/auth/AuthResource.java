package io.inmo.adapters.rest.auth;

import io.inmo.adapters.rest.problem.Requests;
import io.inmo.application.port.in.identity.AuthSession;
import io.inmo.application.port.in.identity.CurrentUser;
import io.inmo.application.port.in.identity.GetCurrentUserUseCase;
import io.inmo.application.port.in.identity.LoginUseCase;
import io.inmo.application.port.in.identity.LoginUseCase.Credentials;
import io.inmo.application.port.in.identity.RefreshSessionUseCase;
import io.inmo.application.port.in.identity.RegisterBrokerUseCase;
import io.inmo.application.port.in.identity.RegisterBrokerUseCase.Registration;
import io.inmo.domain.shared.Email;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** REST adapter for sign-up, sign-in, token refresh, sign-out and "who am I" (§15). */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "auth")
public class AuthResource {
  private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

  private final RegisterBrokerUseCase registration;
  private final LoginUseCase login;
  private final RefreshSessionUseCase sessions;
  private final GetCurrentUserUseCase currentUser;

  @Inject
  public AuthResource(
      RegisterBrokerUseCase registration,
      LoginUseCase login,
      RefreshSessionUseCase sessions,
      GetCurrentUserUseCase currentUser) {
    this.registration = registration;
    this.login = login;
    this.sessions = sessions;
    this.currentUser = currentUser;
  }

  /** Sign-up form. */
  public record RegisterRequest(String brokerName, String name, String email, String password) {}

  public record LoginRequest(String email, String password) {}

  public record RefreshRequest(String refreshToken) {}

  public record UserResponse(
      String id, String email, String name, String role, String brokerId, String brokerSlug) {
    static UserResponse of(CurrentUser user) {
      return new UserResponse(
          user.id().value().toString(),
          user.email().value(),
          user.name(),
          user.role().name(),
          user.brokerId() == null ? null : user.brokerId().value().toString(),
          user.brokerSlug() == null ? null : user.brokerSlug().value());
    }
  }

  public record SessionResponse(
      String accessToken,
      String refreshToken,
      String tokenType,
      long expiresIn,
      Instant accessTokenExpiresAt,
      Instant refreshTokenExpiresAt,
      UserResponse user) {
    static SessionResponse of(AuthSession session) {
      return new SessionResponse(
          session.accessToken(),
          session.refreshToken(),
          "Bearer",
          Math.max(0, Duration.between(Instant.now(), session.accessTokenExpiresAt()).toSeconds()),
          session.accessTokenExpiresAt(),
          session.refreshTokenExpiresAt(),
          UserResponse.of(session.user()));
    }
  }

  @POST
  @Path("register")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Register a brokerage, its configs and its first ADMIN; signs them in")
  public Response register(RegisterRequest body, @Context HttpHeaders headers) {
    RegisterRequest request = Requests.requireBody(body);
    Registration command =
        Requests.parse(
            () ->
                new Registration(
                    request.brokerName(),
                    request.name(),
                    new Email(request.email()),
                    request.password(),
                    Callers.origin(headers)));
    AuthSession session = registration.register(command);
    return Response.status(Response.Status.CREATED)
        .cacheControl(NO_STORE)
        .entity(SessionResponse.of(session))
        .build();
  }

  @POST
  @Path("login")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign in with e-mail and password")
  public Response login(LoginRequest body, @Context HttpHeaders headers) {
    LoginRequest request = Requests.requireBody(body);
    Credentials credentials =
        Requests.parse(
            () -> new Credentials(request.email(), request.password(), Callers.origin(headers)));
    return ok(login.login(credentials));
  }

  @POST
  @Path("refresh")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Trade a refresh token for a new pair; the old one stops working")
  public Response refresh(RefreshRequest body, @Context HttpHeaders headers) {
    String token = refreshToken(Requests.requireBody(body));
    return ok(sessions.refresh(token, Callers.origin(headers)));
  }

  @POST
  @Path("logout")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sign out: revokes the refresh token's session")
  public Response logout(RefreshRequest body, @Context HttpHeaders headers) {
    String token = refreshToken(Requests.requireBody(body));
    sessions.logout(token, Callers.origin(headers));
    return Response.noContent().build();
  }

  @GET
  @Path("me")
  @Operation(summary = "The signed-in user", security = @SecurityRequirement(name = "bearer"))
  public UserResponse me(@Context SecurityContext security) {
    return UserResponse.of(currentUser.me(Callers.actor(security)));
  }

  /** A body without the token is malformed (400), like a login without a password. */
  private static String refreshToken(RefreshRequest request) {
    return Requests.parse(
        () -> Objects.requireNonNull(request.refreshToken(), "refreshToken es obligatorio"));
  }

  private static Response ok(AuthSession session) {
    return Response.ok(SessionResponse.of(session)).cacheControl(NO_STORE).build();
  }
}
