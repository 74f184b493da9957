package io.inmo.application.port.in.identity;

import io.inmo.application.security.Actor;

/** Inbound port: turns a bearer access token into the {@link Actor} it proves. */
public interface AuthenticateUseCase {

  /** Throws {@link io.inmo.application.security.UnauthenticatedException} for a bad token. */
  Actor authenticate(String accessToken);
}
