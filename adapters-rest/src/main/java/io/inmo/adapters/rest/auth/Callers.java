package io.inmo.adapters.rest.auth;

import io.inmo.adapters.rest.http.RequestIds;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.application.security.UnauthenticatedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

/** Reads who is calling and from where, for resources handing commands to use cases. */
public final class Callers {
  /**
   * Set by the server from the connection's remote address (or the trusted proxy's forwarded
   * address); any value a client sends under this name is replaced before the request gets here.
   */
  public static final String CLIENT_ADDRESS_HEADER = "X-Inmo-Client-Address";

  private Callers() {}

  /** The authenticated actor; fails closed with 401 if authentication did not run. */
  public static Actor actor(SecurityContext security) {
    if (security != null && security.getUserPrincipal() instanceof ActorPrincipal principal) {
      return principal.actor();
    }
    throw new UnauthenticatedException(
        "auth.missing_token", "Falta el token de acceso (Authorization: Bearer …).");
  }

  public static Origin origin(HttpHeaders headers) {
    String address = headers == null ? null : headers.getHeaderString(CLIENT_ADDRESS_HEADER);
    return new Origin(address, RequestIds.current());
  }
}
