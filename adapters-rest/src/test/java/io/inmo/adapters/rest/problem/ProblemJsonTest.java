package io.inmo.adapters.rest.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inmo.adapters.rest.RestTestServer;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.NotFoundException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bad request answers RFC 9457 problem+json with a stable code, never a stack trace.
 */
class ProblemJsonTest {
  private static RestTestServer server;
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    server = new RestTestServer(new ResourceConfig(LeadEchoResource.class), 1024);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void givenValidJson_whenPosted_thenEchoedWithRequestId() throws Exception {
    HttpResponse<String> response =
        post("/echo", "{\"name\":\"María José Pérez\",\"budgetUf\":5000}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("name").asText()).isEqualTo("María José Pérez");
    assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
  }

  @Test
  void givenMalformedJson_whenPosted_thenProblem400WithPosition() throws Exception {
    HttpResponse<String> response = post("/echo", "{\"name\": \"Camila\",");
    JsonNode problem = assertProblem(response, 400, "request.malformed_json");
    assertThat(problem.get("detail").asText()).contains("línea 1");
  }

  @Test
  void givenWrongFieldType_whenPosted_thenProblem400NamingTheField() throws Exception {
    HttpResponse<String> response =
        post("/echo", "{\"name\":\"Camila\",\"budgetUf\":\"cinco mil\"}");
    JsonNode problem = assertProblem(response, 400, "request.invalid_json");
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("budgetUf");
    assertThat(response.body()).doesNotContain("java.", "BigDecimal", "Exception");
  }

  @Test
  void givenMissingBody_whenPosted_thenProblem400() throws Exception {
    HttpResponse<String> response = post("/echo", "");
    assertProblem(response, 400, "request.body_missing");
  }

  @Test
  void givenInvalidCommandInput_whenPosted_thenProblem400FromRequestsParse() throws Exception {
    HttpResponse<String> response = post("/echo", "{\"name\":\"  \"}");
    JsonNode problem = assertProblem(response, 400, "request.invalid");
    assertThat(problem.get("detail").asText()).isEqualTo("name must not be blank");
  }

  @Test
  void givenWrongMediaType_whenPosted_thenProblem415() throws Exception {
    HttpResponse<String> response =
        server.send(
            server
                .request("/echo")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hola")));
    assertProblem(response, 415, "request.unsupported_media_type");
  }

  @Test
  void givenBodyOverLimit_whenPostedWithLength_thenProblem413() throws Exception {
    HttpResponse<String> response = post("/echo", "{\"name\":\"" + "a".repeat(2000) + "\"}");
    assertProblem(response, 413, "request.too_large");
  }

  @Test
  void givenChunkedBodyOverLimit_whenPosted_thenProblem413() throws Exception {
    byte[] body =
        ("{\"name\":\"" + "ñ".repeat(2000) + "\"}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> response =
        server.send(
            server
                .request("/echo")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body))));
    assertProblem(response, 413, "request.too_large");
  }

  @Test
  void givenUnknownRoute_whenRequested_thenProblem404() throws Exception {
    HttpResponse<String> response = server.send(server.request("/no-existe").GET());
    JsonNode problem = assertProblem(response, 404, "route.not_found");
    assertThat(problem.get("instance").asText()).isEqualTo("/no-existe");
  }

  @Test
  void givenWrongMethod_whenRequested_thenProblem405WithAllow() throws Exception {
    HttpResponse<String> response = server.send(server.request("/echo").DELETE());
    assertProblem(response, 405, "route.method_not_allowed");
    assertThat(response.headers().firstValue("Allow").orElse("")).contains("POST");
  }

  @Test
  void givenMissingResource_whenDomainSaysNotFound_thenProblem404WithCode() throws Exception {
    HttpResponse<String> response =
        server.send(server.request("/echo/leads/" + UUID.randomUUID()).GET());
    assertProblem(response, 404, "lead.not_found");
  }

  @Test
  void givenBrokenRule_whenDomainRejects_thenProblem409WithCode() throws Exception {
    HttpResponse<String> response = server.send(server.request("/echo/closed").GET());
    assertProblem(response, 409, "lead.closed");
  }

  @Test
  void givenUnexpectedFailure_whenRequested_thenProblem500WithoutInternals() throws Exception {
    HttpResponse<String> response =
        server.send(server.request("/echo/bug").header("X-Request-Id", "req-12345678").GET());
    JsonNode problem = assertProblem(response, 500, "server.internal_error");
    assertThat(problem.get("requestId").asText()).isEqualTo("req-12345678");
    assertThat(response.body()).doesNotContain("secreto", "IllegalStateException", "at io.inmo");
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return server.send(
        server
            .request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private static JsonNode assertProblem(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("code").asText()).isEqualTo(code);
    assertThat(problem.get("type").asText()).startsWith("https://");
    assertThat(problem.get("title").asText()).isNotBlank();
    assertThat(problem.has("detail")).isTrue();
    return problem;
  }

  /** A tiny resource shaped like the real ones: parse, command, answer. */
  @jakarta.annotation.security.PermitAll
  @Path("/echo")
  @Produces(MediaType.APPLICATION_JSON)
  public static class LeadEchoResource {
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public EchoRequest echo(EchoRequest body) {
      EchoRequest request = Requests.requireBody(body);
      return Requests.parse(() -> new EchoRequest(request.name(), request.budgetUf()));
    }

    @GET
    @Path("leads/{id}")
    public String lead(@PathParam("id") String id) {
      throw new NotFoundException("lead.not_found", "No existe el lead " + id + ".");
    }

    @GET
    @Path("closed")
    public String closed() {
      throw new DomainException("lead.closed", "El lead está cerrado.");
    }

    @GET
    @Path("bug")
    public String bug() {
      throw new IllegalStateException("secreto interno");
    }
  }

  /** Request body with a self-validating constructor, like a command. */
  public record EchoRequest(String name, BigDecimal budgetUf) {
    public EchoRequest {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
    }
  }
}
