package io.inmo.adapters.llm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.inmo.adapters.llm.provider.AgentUnavailableException.Reason;
import io.inmo.application.port.out.ConversationAgentPort.AgentReply;
import io.inmo.domain.lead.Timeline;
import io.inmo.domain.shared.Money;
import io.inmo.domain.shared.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GeminiConversationAgentTest extends WireMockProvider {
  private static final String PATH = "/v1beta/models/gemini-2.5-flash:generateContent";

  private LangChain4jConversationAgent agent() {
    return new LangChain4jConversationAgent(
        ProviderSettings.of(ProviderKind.GEMINI, "gemini-2.5-flash", Secret.of("AIza-test-4242"))
            .withBaseUrl(wm.baseUrl() + "/v1beta")
            .withTimeout(Duration.ofMillis(1500)),
        calls::add);
  }

  @Test
  void whenAsked_thenKeyHeaderModelPathAndResponseSchemaAreSentAndFactsComeBack() throws Exception {
    wm.stubFor(
        post(urlPathEqualTo(PATH)).willReturn(okJson(Stubs.gemini(Stubs.NUNOA_TURN, "STOP"))));

    AgentReply reply = agent().reply(chat.request("busco depto en Ñuñoa hasta 4.500 UF"));

    assertThat(reply.facts().location().value()).isEqualTo("Ñuñoa");
    assertThat(reply.facts().budget().value()).isEqualTo(Money.uf("4500"));
    wm.verify(
        postRequestedFor(urlPathEqualTo(PATH))
            .withHeader("x-goog-api-key", equalTo("AIza-test-4242"))
            .withRequestBody(
                matchingJsonPath(
                    "$.generationConfig.responseMimeType", equalTo("application/json"))));
    JsonNode body = sentBody(0);
    JsonNode schema = body.at("/generationConfig/responseSchema");
    assertThat(schema.at("/type").asText()).isEqualTo("OBJECT");
    assertThat(schema.at("/properties/facts/items/properties/field/enum").toString())
        .contains("location", "budget", "monthly_income");
    assertThat(schema.at("/required").toString()).contains("escalate", "reply");
    assertThat(body.at("/systemInstruction/parts/0/text").asText()).contains("Eres Sofía");
    assertThat(body.at("/contents/0/parts/0/text").asText())
        .contains("<mensajes_nuevos>", "[1] lead: busco depto en Ñuñoa hasta 4.500 UF");
  }

  @Test
  void givenSafetyFinish_thenContentFiltered() {
    wm.stubFor(post(urlPathEqualTo(PATH)).willReturn(okJson(Stubs.gemini("", "SAFETY"))));

    assertThatThrownBy(() -> agent().reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CONTENT_FILTERED));
  }

  @Test
  void givenMaxTokensThenAValidAnswer_thenTheRepairIsUsed() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("cut")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(Stubs.gemini("{\"facts\":[{\"field\":\"timeline\"", "MAX_TOKENS")))
            .willSetStateTo("again"));
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .inScenario("cut")
            .whenScenarioStateIs("again")
            .willReturn(
                okJson(
                    Stubs.gemini(
                        Stubs.turn(
                            "[" + Stubs.fact("timeline", "90_days", "none", 1) + "]",
                            "property_search",
                            false,
                            "Perfecto, en unos tres meses. ¿Qué presupuesto manejas?"),
                        "STOP"))));

    AgentReply reply = agent().reply(chat.request("quiero cambiarme como en 3 meses"));

    assertThat(reply.facts().timeline().value()).isEqualTo(Timeline.DAYS_90);
    wm.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void givenResourceExhausted_thenRateLimited() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                error(
                    429,
                    "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted\","
                        + "\"status\":\"RESOURCE_EXHAUSTED\"}}")));

    assertThatThrownBy(() -> agent().reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
              assertThat(e.retryAfter()).isEmpty();
            });
  }

  @Test
  void givenAForbiddenKey_thenAuth() {
    wm.stubFor(
        post(urlPathEqualTo(PATH))
            .willReturn(
                error(
                    403,
                    "{\"error\":{\"code\":403,\"message\":\"API key not valid\","
                        + "\"status\":\"PERMISSION_DENIED\"}}")));

    assertThatThrownBy(() -> agent().reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.AUTH));
  }
}
