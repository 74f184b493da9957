package io.inmo.adapters.rest.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.inmo.application.port.out.AccessTokenPort;
import io.inmo.application.security.Actor;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.UserId;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Access tokens as HS256-signed JWTs (Nimbus): subject = user id, {@code role}, {@code broker}
 * claims, issuer {@value #ISSUER}, audience {@value #AUDIENCE}, a lifetime of minutes. Verification
 * checks signature, algorithm, issuer, audience and expiry, and that the claims form a valid actor.
 */
public final class JwtAccessTokens implements AccessTokenPort {
  public static final String ISSUER = "inmo";
  public static final String AUDIENCE = "inmo-api";

  /** HS256 needs a key of at least 256 bits. */
  public static final int MIN_SECRET_BYTES = 32;

  private final JWSSigner signer;
  private final JWSVerifier verifier;
  private final Duration lifetime;

  public JwtAccessTokens(byte[] secret, Duration lifetime) {
    Objects.requireNonNull(secret, "secret");
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "the token signing key needs at least " + MIN_SECRET_BYTES + " bytes");
    }
    this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("the access token lifetime must be positive");
    }
    try {
      this.signer = new MACSigner(secret.clone());
      this.verifier = new MACVerifier(secret.clone());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable token signing key", e);
    }
  }

  @Override
  public AccessToken issue(Actor actor, Instant now) {
    Instant expiresAt = now.plus(lifetime);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(actor.userId().value().toString())
            .claim("role", actor.role().name())
            .claim("broker", actor.brokerId() == null ? null : actor.brokerId().value().toString())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(expiresAt))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign an access token", e);
    }
    return new AccessToken(jwt.serialize(), expiresAt);
  }

  @Override
  public Optional<Actor> verify(String token, Instant now) {
    if (token == null || token.length() > 4096) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date expires = claims.getExpirationTime();
      Date notBefore = claims.getNotBeforeTime();
      List<String> audience = claims.getAudience();
      if (!ISSUER.equals(claims.getIssuer())
          || audience == null
          || !audience.contains(AUDIENCE)
          || expires == null
          || !now.isBefore(expires.toInstant())
          || (notBefore != null && now.plusSeconds(60).isBefore(notBefore.toInstant()))) {
        return Optional.empty();
      }
      String broker = claims.getStringClaim("broker");
      return Optional.of(
          new Actor(
              UserId.of(claims.getSubject()),
              broker == null ? null : BrokerId.of(broker),
              Role.fromName(claims.getStringClaim("role"))));
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
