package io.inmo.adapters.rest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.adapters.rest.RestTestServer;
import io.inmo.application.security.Actor;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.application.security.TooManyRequestsException;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.UserId;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Secure by default: only {@code @PermitAll} methods answer without a valid bearer token. */
class AuthenticationFeatureTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Actor DIEGO =
      new Actor(UserId.newId(), BrokerId.of("01957a1e-0000-7000-8000-000000000001"), Role.AGENT);
  private static RestTestServer server;

  @BeforeAll
  static void start() {
    server = new RestTestServer(new ResourceConfig(ProbeResource.class), 4096);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void givenNoToken_whenCallingSecuredMethod_then401ProblemWithChallenge() throws Exception {
    HttpResponse<String> response = server.send(server.request("/probe/whoami").GET());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("auth.missing_token");
  }

  @Test
  void givenOtherScheme_whenCallingSecuredMethod_then401() throws Exception {
    HttpResponse<String> response =
        server.send(
            server
                .request("/probe/whoami")
                .header("Authorization", "Basic dmFsZW50aW5hOmNsYXZl")
                .GET());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void givenValidToken_whenCallingSecuredMethod_thenActorReachesResource() throws Exception {
    HttpResponse<String> response =
        server.send(
            server
                .request("/probe/whoami")
                .header("Authorization", "Bearer " + RestTestServer.tokenFor(DIEGO))
                .GET());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("user").asText()).isEqualTo(DIEGO.userId().value().toString());
    assertThat(body.get("role").asText()).isEqualTo("AGENT");
  }

  @Test
  void givenLowercaseScheme_whenCallingSecuredMethod_thenAccepted() throws Exception {
    HttpResponse<String> response =
        server.send(
            server
                .request("/probe/whoami")
                .header("Authorization", "bearer " + RestTestServer.tokenFor(DIEGO))
                .GET());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void givenPermitAllMethod_whenCalledWithoutToken_thenServed() throws Exception {
    HttpResponse<String> response = server.send(server.request("/probe/public").GET());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void givenRuleExceptions_whenThrown_thenMappedToTheirStatus() throws Exception {
    String token = RestTestServer.tokenFor(DIEGO);
    HttpResponse<String> forbidden =
        server.send(
            server.request("/probe/forbidden").header("Authorization", "Bearer " + token).GET());
    HttpResponse<String> invalid =
        server.send(
            server.request("/probe/invalid").header("Authorization", "Bearer " + token).GET());
    HttpResponse<String> limited =
        server.send(
            server.request("/probe/limited").header("Authorization", "Bearer " + token).GET());

    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(forbidden.body()).get("code").asText()).isEqualTo("auth.forbidden");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(invalid.body()).get("code").asText()).isEqualTo("lead.score_range");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("3");
  }

  @Path("/probe")
  @Produces(MediaType.APPLICATION_JSON)
  public static class ProbeResource {
    @GET
    @Path("whoami")
    public Map<String, String> whoami(
        @Context SecurityContext security, @Context HttpHeaders headers) {
      Actor actor = Callers.actor(security);
      return Map.of("user", actor.userId().value().toString(), "role", actor.role().name());
    }

    @GET
    @Path("public")
    @PermitAll
    public Map<String, String> open() {
      return Map.of("status", "ok");
    }

    @GET
    @Path("forbidden")
    public String forbidden() {
      throw new PermissionDeniedException("Solo un ADMIN puede gestionar usuarios.");
    }

    @GET
    @Path("invalid")
    public String invalid() {
      throw new InvalidValueException("lead.score_range", "El puntaje va de 0 a 100.");
    }

    @GET
    @Path("limited")
    public String limited() {
      throw new TooManyRequestsException(
          "api.rate_limited", "Demasiadas solicitudes.", Duration.ofMillis(2_100));
    }
  }
}
