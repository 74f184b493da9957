package io.inmo.application.port.out;

import io.inmo.application.security.Actor;
import java.time.Instant;
import java.util.Optional;

/**
 * Outbound port: short-lived, signed, self-contained access tokens (JWT) that prove an {@link
 * Actor} without a database lookup.
 */
public interface AccessTokenPort {

  /** Issues a token for {@code actor}, valid from {@code now} for the configured lifetime. */
  AccessToken issue(Actor actor, Instant now);

  /**
   * The actor a token proves, or empty when the token is malformed, forged, signed with another
   * key, issued for another audience, or expired at {@code now}.
   */
  Optional<Actor> verify(String token, Instant now);

  /** An issued token and the instant it stops working. */
  record AccessToken(String value, Instant expiresAt) {
    @Override
    public String toString() {
      return "AccessToken[expiresAt=" + expiresAt + "]";
    }
  }
}
