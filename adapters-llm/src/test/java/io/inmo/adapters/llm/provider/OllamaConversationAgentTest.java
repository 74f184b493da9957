package io.inmo.adapters.llm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import io.inmo.domain.lead.Operation;
import io.inmo.domain.shared.Money;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OllamaConversationAgentTest extends WireMockProvider {
  private static final String PATH = "/api/chat";

  private LangChain4jConversationAgent agent() {
    return new LangChain4jConversationAgent(
        new ProviderSettings(
            ProviderKind.OLLAMA, "llama3.1", null, wm.baseUrl(), Duration.ofMillis(1500), 0, null),
        calls::add);
  }

  @Test
  void whenAsked_thenTheSchemaIsTheFormatAndFactsComeBack() throws Exception {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                okJson(
                    Stubs.ollama(
                        Stubs.turn(
                            "["
                                + Stubs.fact("operation", "rent", "none", 1)
                                + ","
                                + Stubs.fact("location", "Maipú", "none", 1)
                                + ","
                                + Stubs.fact("budget", "450000", "clp", 1)
                                + "]",
                            "property_search",
                            false,
                            "Buena opción Maipú. ¿Cuántos dormitorios necesitas?"),
                        "stop"))));

    AgentReply reply = agent().reply(chat.request("necesito arrendar en maipu, máximo 450 lucas"));

    assertThat(reply.facts().operation().value()).isEqualTo(Operation.RENT);
    assertThat(reply.facts().budget().value()).isEqualTo(Money.clp(450_000));
    assertThat(reply.intent()).isEqualTo(Intent.PROPERTY_SEARCH);
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", absent())
            .withRequestBody(matchingJsonPath("$.model", equalTo("llama3.1")))
            .withRequestBody(matchingJsonPath("$.stream", equalTo("false"))));
    JsonNode body = sentBody(0);
    assertThat(body.at("/format/type").asText()).isEqualTo("object");
    assertThat(body.at("/format/required").toString()).contains("reply", "escalate");
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
    assertThat(body.at("/messages/1/content").asText())
        .contains("[1] lead: necesito arrendar en maipu, máximo 450 lucas");
  }

  @Test
  void givenA500_thenServerError() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(error(500, "{\"error\":\"model runner has unexpectedly stopped\"}")));

    assertThatThrownBy(() -> agent().reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR));
  }

  @Test
  void givenAnUnknownModel_thenBadRequest() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                error(
                    404,
                    "{\"error\":\"model \\\"llama3.1\\\" not found, try pulling it first\"}")));

    assertThatThrownBy(() -> agent().reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
              assertThat(e.retriable()).isFalse();
            });
  }

  @Test
  void givenNothingListening_thenUnreachable() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LangChain4jConversationAgent nowhere =
        new LangChain4jConversationAgent(
            new ProviderSettings(
                ProviderKind.OLLAMA,
                "llama3.1",
                null,
                "http://127.0.0.1:" + port,
                Duration.ofMillis(1500),
                0,
                null),
            calls::add);

    assertThatThrownBy(() -> nowhere.reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
  }
}
