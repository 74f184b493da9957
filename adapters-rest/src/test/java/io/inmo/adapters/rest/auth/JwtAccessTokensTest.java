package io.inmo.adapters.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.inmo.application.port.out.AccessTokenPort.AccessToken;
import io.inmo.application.security.Actor;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

class JwtAccessTokensTest {
  private static final byte[] KEY =
      "clave-de-firma-de-la-corredora-andes-2026".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-11-25T13:00:00Z");
  private static final Actor DIEGO =
      new Actor(
          UserId.of("01957a1e-0000-7000-8000-0000000000b1"),
          BrokerId.of("01957a1e-0000-7000-8000-000000000001"),
          Role.AGENT);

  private final JwtAccessTokens tokens = new JwtAccessTokens(KEY, Duration.ofMinutes(15));

  @Test
  void givenIssuedToken_whenVerifiedBeforeExpiry_thenSameActor() {
    AccessToken token = tokens.issue(DIEGO, NOW);

    assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(tokens.verify(token.value(), NOW.plusSeconds(899))).contains(DIEGO);
    assertThat(token.toString()).doesNotContain(token.value());
  }

  @Test
  void givenSuperadmin_whenRoundTripped_thenNoBroker() {
    Actor admin = new Actor(UserId.newId(), null, Role.SUPERADMIN);

    assertThat(tokens.verify(tokens.issue(admin, NOW).value(), NOW)).contains(admin);
  }

  @Test
  void givenExpiredToken_whenVerified_thenEmpty() {
    String token = tokens.issue(DIEGO, NOW).value();

    assertThat(tokens.verify(token, NOW.plus(Duration.ofMinutes(15)))).isEmpty();
  }

  @Test
  void givenTokenOfAnotherKey_whenVerified_thenEmpty() {
    JwtAccessTokens other =
        new JwtAccessTokens(
            "otra-clave-de-otra-instalacion-de-inmo".getBytes(StandardCharsets.UTF_8),
            Duration.ofMinutes(15));

    assertThat(tokens.verify(other.issue(DIEGO, NOW).value(), NOW)).isEmpty();
  }

  @Test
  void givenTamperedRole_whenVerified_thenEmpty() {
    String[] parts = tokens.issue(DIEGO, NOW).value().split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String promoted = payload.replace("\"AGENT\"", "\"ADMIN\"");
    assertThat(promoted).isNotEqualTo(payload);
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(promoted.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThat(tokens.verify(forged, NOW)).isEmpty();
  }

  @Test
  void givenUnsignedAlgNoneToken_whenVerified_thenEmpty() {
    String unsigned = new PlainJWT(claims("inmo", "inmo-api", "ADMIN").build()).serialize();

    assertThat(tokens.verify(unsigned, NOW)).isEmpty();
  }

  @Test
  void givenWrongIssuerAudienceOrRole_whenVerified_thenEmpty() throws Exception {
    assertThat(tokens.verify(sign(claims("otro", "inmo-api", "ADMIN")), NOW)).isEmpty();
    assertThat(tokens.verify(sign(claims("inmo", "otra-api", "ADMIN")), NOW)).isEmpty();
    assertThat(tokens.verify(sign(claims("inmo", "inmo-api", "DUENO")), NOW)).isEmpty();
    assertThat(tokens.verify(sign(claims("inmo", "inmo-api", "ADMIN")), NOW)).isPresent();
  }

  @Test
  void givenGarbage_whenVerified_thenEmpty() {
    assertThat(tokens.verify("", NOW)).isEmpty();
    assertThat(tokens.verify("a.b.c", NOW)).isEmpty();
    assertThat(tokens.verify(null, NOW)).isEmpty();
    assertThat(tokens.verify("x".repeat(10_000), NOW)).isEmpty();
  }

  @Test
  void givenShortKey_whenConstructed_thenRejected() {
    assertThatThrownBy(
            () ->
                new JwtAccessTokens(
                    "corta".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32");
  }

  private static JWTClaimsSet.Builder claims(String issuer, String audience, String role) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(audience)
        .subject(DIEGO.userId().value().toString())
        .claim("role", role)
        .claim("broker", DIEGO.brokerId().value().toString())
        .expirationTime(Date.from(NOW.plusSeconds(60)));
  }

  private static String sign(JWTClaimsSet.Builder claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    jwt.sign(new MACSigner(KEY));
    return jwt.serialize();
  }
}
