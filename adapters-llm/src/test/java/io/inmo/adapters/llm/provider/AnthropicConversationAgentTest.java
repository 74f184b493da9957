package io.inmo.adapters.llm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.inmo.adapters.llm.provider.AgentUnavailableException.Reason;
import io.inmo.application.port.out.ConversationAgentPort.AgentReply;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.shared.Money;
import io.inmo.domain.shared.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnthropicConversationAgentTest extends WireMockProvider {
  private static final String PATH = "/v1/messages";

  private ProviderSettings settings(StructuredOutputMode mode) {
    return ProviderSettings.of(
            ProviderKind.ANTHROPIC, "claude-sonnet-4-5-20250929", Secret.of("sk-ant-test-98765"))
        .withBaseUrl(wm.baseUrl() + "/v1/")
        .withTimeout(Duration.ofMillis(1500))
        .withStructuredOutput(mode);
  }

  private LangChain4jConversationAgent agent() {
    return new LangChain4jConversationAgent(settings(null), calls::add);
  }

  @Test
  void byDefault_theSchemaIsAForcedToolAndItsInputBecomesTheReply() throws Exception {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(okJson(Stubs.anthropicTool("turno_agente", Stubs.NUNOA_TURN))));

    AgentReply reply = agent().reply(chat.request("busco depto en Ñuñoa hasta 4.500 UF"));

    assertThat(reply.facts().location().value()).isEqualTo("Ñuñoa");
    assertThat(reply.facts().budget().value()).isEqualTo(Money.uf("4500"));
    assertThat(reply.intent()).isEqualTo(Intent.PROPERTY_SEARCH);
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("x-api-key", equalTo("sk-ant-test-98765"))
            .withHeader("anthropic-version", equalTo("2023-06-01"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("claude-sonnet-4-5-20250929")))
            .withRequestBody(matchingJsonPath("$.tools[0].name", equalTo("turno_agente")))
            .withRequestBody(matchingJsonPath("$.tool_choice.type", equalTo("any"))));
    JsonNode body = sentBody(0);
    assertThat(body.at("/tools/0/input_schema/required").toString())
        .contains("facts", "intent", "escalate", "reply");
    assertThat(body.at("/system/0/text").asText()).startsWith("Eres Sofía");
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("user");
    String user = body.at("/messages/0/content/0/text").asText();
    assertThat(user).contains("<historial>", "Algunos sí. ¿Necesitas estacionamiento?");
    assertThat(user).contains("[1] lead: busco depto en Ñuñoa hasta 4.500 UF");
    assertThat(body.has("output_config")).isFalse();
  }

  @Test
  void inJsonSchemaMode_theSchemaGoesAsOutputConfig() throws Exception {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(okJson(Stubs.anthropicText(Stubs.NUNOA_TURN, "end_turn"))));

    AgentReply reply =
        new LangChain4jConversationAgent(settings(StructuredOutputMode.JSON_SCHEMA), calls::add)
            .reply(chat.request("busco depto en Ñuñoa hasta 4.500 UF"));

    assertThat(reply.facts().budget().value()).isEqualTo(Money.uf("4500"));
    JsonNode body = sentBody(0);
    assertThat(body.at("/output_config/format/type").asText()).isEqualTo("json_schema");
    assertThat(body.at("/output_config/format/schema/required").toString()).contains("reply");
    assertThat(body.has("tools")).isFalse();
  }

  @Test
  void givenOverloaded529_thenServerError() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                error(
                    529,
                    "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                        + "\"message\":\"Overloaded\"}}")));

    assertThatThrownBy(() -> agent().reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR));
    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void givenA429WithRetryAfter_thenRateLimited() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                error(
                        429,
                        "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
                            + "\"message\":\"Number of request tokens has exceeded your per-minute"
                            + " rate limit\"}}")
                    .withHeader("retry-after", "30")));

    assertThatThrownBy(() -> agent().reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
            });
  }

  @Test
  void givenMaxTokensTwice_thenInvalidOutput() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                okJson(Stubs.anthropicText("{\"facts\":[{\"field\":\"loca", "max_tokens"))));

    assertThatThrownBy(() -> agent().reply(chat.request("busco casa en Puente Alto")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_OUTPUT));
    wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void givenATimeout_thenTimeout() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                okJson(Stubs.anthropicTool("turno_agente", Stubs.NUNOA_TURN))
                    .withFixedDelay(4000)));

    assertThatThrownBy(() -> agent().reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
  }
}
