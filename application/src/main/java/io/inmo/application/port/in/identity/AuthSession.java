package io.inmo.application.port.in.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * What a successful register, login or refresh hands back: a short-lived access token, a refresh
 * token that works once, and the user. {@link #toString()} never prints the tokens.
 */
public record AuthSession(
    String accessToken,
    Instant accessTokenExpiresAt,
    String refreshToken,
    Instant refreshTokenExpiresAt,
    CurrentUser user) {
  public AuthSession {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(user, "user");
  }

  @Override
  public String toString() {
    return "AuthSession[user=" + user.id() + ", accessTokenExpiresAt=" + accessTokenExpiresAt + "]";
  }
}
