package io.inmo.application.service.identity;

import io.inmo.application.port.in.identity.AuthSession;
import io.inmo.application.port.in.identity.CurrentUser;
import io.inmo.application.port.out.AccessTokenPort;
import io.inmo.application.port.out.AccessTokenPort.AccessToken;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.RefreshTokenRepository;
import io.inmo.application.port.out.RefreshTokenRepository.StoredRefreshToken;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.shared.Ids;
import io.inmo.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Opens and rotates sessions: an access token from the {@link AccessTokenPort} and an opaque
 * 256-bit refresh token of which only the SHA-256 is stored. Runs inside the caller's unit of work.
 */
final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccessTokenPort accessTokens;
  private final RefreshTokenRepository refreshTokens;
  private final BrokerRepository brokers;
  private final Clock clock;
  private final Duration refreshTokenLifetime;

  Sessions(
      AccessTokenPort accessTokens,
      RefreshTokenRepository refreshTokens,
      BrokerRepository brokers,
      Clock clock,
      Duration refreshTokenLifetime) {
    this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.refreshTokenLifetime = Objects.requireNonNull(refreshTokenLifetime, "lifetime");
  }

  /** A new login: a new refresh-token family. */
  AuthSession open(User user, Origin origin) {
    return issue(user, UUID.randomUUID(), null, origin);
  }

  /** Rotation: revokes {@code previous} and issues its successor in the same family. */
  AuthSession rotate(User user, StoredRefreshToken previous, Origin origin) {
    return issue(user, previous.familyId(), previous, origin);
  }

  CurrentUser describe(User user) {
    Broker broker =
        user.brokerId() == null ? null : brokers.findById(user.brokerId()).orElseThrow();
    return new CurrentUser(
        user.id(),
        user.email(),
        user.name(),
        user.role(),
        user.brokerId(),
        broker == null ? null : broker.slug());
  }

  static String hash(String refreshToken) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(refreshToken.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private AuthSession issue(User user, UUID family, StoredRefreshToken previous, Origin origin) {
    Instant now = clock.instant();
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant refreshExpiresAt = now.plus(refreshTokenLifetime);
    UUID id = Ids.newUuid();
    refreshTokens.insert(
        new StoredRefreshToken(
            id,
            user.id(),
            hash(refreshToken),
            family,
            refreshExpiresAt,
            null,
            null,
            now,
            origin.ip()));
    if (previous != null) {
      refreshTokens.markReplaced(previous.id(), id, now);
    }
    AccessToken access =
        accessTokens.issue(new Actor(user.id(), user.brokerId(), user.role()), now);
    return new AuthSession(
        access.value(), access.expiresAt(), refreshToken, refreshExpiresAt, describe(user));
  }
}
