package io.inmo.application.service.identity;

import io.inmo.application.port.out.RateLimiterPort.RateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of sign-in: how long a refresh token lives and how many login and sign-up attempts an
 * account or a client IP may make.
 */
public record AuthSettings(
    Duration refreshTokenLifetime,
    RateLimit loginPerAccount,
    RateLimit loginPerIp,
    RateLimit registrationPerIp) {
  public AuthSettings {
    Objects.requireNonNull(refreshTokenLifetime, "refreshTokenLifetime");
    Objects.requireNonNull(loginPerAccount, "loginPerAccount");
    Objects.requireNonNull(loginPerIp, "loginPerIp");
    Objects.requireNonNull(registrationPerIp, "registrationPerIp");
  }

  /**
   * 30-day refresh tokens; 10 login attempts per account and 60 per IP (a whole office behind one
   * address) every 5 minutes; 20 sign-ups per IP an hour.
   */
  public static AuthSettings defaults() {
    return new AuthSettings(
        Duration.ofDays(30),
        new RateLimit("login-account", 10, Duration.ofMinutes(5)),
        new RateLimit("login-ip", 60, Duration.ofMinutes(5)),
        new RateLimit("register-ip", 20, Duration.ofHours(1)));
  }
}
