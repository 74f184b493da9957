package io.inmo.adapters.rest.auth;

import io.inmo.application.port.in.identity.AuthenticateUseCase;
import io.inmo.application.security.Actor;
import io.inmo.application.security.UnauthenticatedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Locale;

/**
 * Authenticates {@code Authorization: Bearer <accessToken>} for every resource method that is not
 * {@code @PermitAll} (see {@link AuthenticationFeature}); a missing or bad token answers 401.
 */
@Priority(Priorities.AUTHENTICATION)
public final class BearerAuthenticationFilter implements ContainerRequestFilter {
  private static final String SCHEME = "bearer ";

  private final AuthenticateUseCase authenticate;

  @Inject
  public BearerAuthenticationFilter(AuthenticateUseCase authenticate) {
    this.authenticate = authenticate;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    String token =
        header != null && header.toLowerCase(Locale.ROOT).startsWith(SCHEME)
            ? header.substring(SCHEME.length())
            : null;
    if (token == null || token.isBlank()) {
      throw new UnauthenticatedException(
          "auth.missing_token", "Falta el token de acceso (Authorization: Bearer …).");
    }
    Actor actor = authenticate.authenticate(token); // throws UnauthenticatedException → 401
    boolean secure = request.getSecurityContext().isSecure();
    ActorPrincipal principal = new ActorPrincipal(actor);
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return principal;
          }

          @Override
          public boolean isUserInRole(String role) {
            return actor.role().name().equals(role);
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return "Bearer";
          }
        });
  }
}
