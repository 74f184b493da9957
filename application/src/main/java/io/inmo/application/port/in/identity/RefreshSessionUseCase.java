package io.inmo.application.port.in.identity;

import io.inmo.application.security.Origin;

/**
 * Inbound port: trades a refresh token for a new pair (the old one stops working; presenting it
 * again revokes the whole login), and signs out.
 */
public interface RefreshSessionUseCase {

  AuthSession refresh(String refreshToken, Origin origin);

  /** Revokes the login the refresh token belongs to; unknown tokens are ignored. */
  void logout(String refreshToken, Origin origin);
}
