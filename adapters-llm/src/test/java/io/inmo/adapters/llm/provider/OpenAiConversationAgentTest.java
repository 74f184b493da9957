package io.inmo.adapters.llm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.inmo.adapters.llm.provider.AgentUnavailableException.Reason;
import io.inmo.adapters.llm.provider.ProviderCallListener.ProviderCall;
import io.inmo.application.port.out.ConversationAgentPort.AgentReply;
import io.inmo.application.port.out.ConversationAgentPort.AgentRequest;
import io.inmo.domain.conversation.ChatMessage;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.conversation.ReplyRules;
import io.inmo.domain.lead.Operation;
import io.inmo.domain.lead.PropertyType;
import io.inmo.domain.shared.Money;
import io.inmo.domain.shared.Secret;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenAiConversationAgentTest extends WireMockProvider {
  private static final String PATH = "/v1/chat/completions";

  private ProviderSettings settings() {
    return ProviderSettings.of(ProviderKind.OPENAI, "gpt-4o-mini", Secret.of("sk-test-1234567890"))
        .withBaseUrl(wm.baseUrl() + "/v1")
        .withTimeout(Duration.ofMillis(1500));
  }

  private LangChain4jConversationAgent agent() {
    return new LangChain4jConversationAgent(settings(), calls::add);
  }

  private void answer(String body) {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(body)));
  }

  @Test
  void givenABudgetInUf_whenTheModelReadsIt_thenTheFactsReachTheReplyAsDomainValues() {
    answer(Stubs.openAi(Stubs.NUNOA_TURN, "stop"));
    AgentRequest request = chat.request("busco depto en Ñuñoa hasta 4.500 UF");

    AgentReply reply = agent().reply(request);

    assertThat(reply.facts().location().value()).isEqualTo("Ñuñoa");
    assertThat(reply.facts().budget().value()).isEqualTo(Money.uf("4500"));
    assertThat(reply.facts().propertyType().value()).isEqualTo(PropertyType.APARTMENT);
    assertThat(reply.facts().operation().value()).isEqualTo(Operation.BUY);
    assertThat(reply.facts().budget().sourceMessageId())
        .isEqualTo(request.newMessages().getFirst().id().value().toString());
    assertThat(reply.intent()).isEqualTo(Intent.PROPERTY_SEARCH);
    assertThat(reply.reply()).startsWith("¡Buenísimo! Anoto que buscas un departamento en Ñuñoa");
    // the call is recorded for the lead's broker, with the provider's token counts
    assertThat(calls)
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.broker()).isEqualTo(request.lead().brokerId());
              assertThat(call.lead()).isEqualTo(request.lead().id());
              assertThat(call.tokensIn()).isEqualTo(1450);
              assertThat(call.outcome()).isEqualTo("ok");
            });
    assertThat(calls)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.outcome()).isEqualTo("ok");
              assertThat(c.tokensIn()).isEqualTo(1450);
              assertThat(c.tokensOut()).isEqualTo(96);
            });
  }

  @Test
  void whenAsked_thenTheRequestCarriesBearerKeyModelStrictSchemaAndTheLatest20MessagesInOrder()
      throws Exception {
    answer(Stubs.openAi(Stubs.NUNOA_TURN, "stop"));
    AgentRequest request = chat.request("busco depto en Ñuñoa hasta 4.500 UF");

    agent().reply(request);

    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", equalTo("Bearer sk-test-1234567890"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
            .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
            .withRequestBody(
                matchingJsonPath("$.response_format.json_schema.name", equalTo("turno_agente")))
            .withRequestBody(
                matchingJsonPath("$.response_format.json_schema.strict", equalTo("true"))));
    JsonNode body = sentBody(0);
    JsonNode schema = body.at("/response_format/json_schema/schema");
    assertThat(schema.at("/required").toString()).contains("facts", "intent", "escalate", "reply");
    assertThat(schema.at("/properties/facts/items/properties/field/enum").toString())
        .contains("location", "budget", "monthly_income");
    assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
    String user = body.at("/messages/1/content").asText();
    assertThat(request.history()).hasSize(20);
    int at = -1;
    for (ChatMessage m : request.history()) {
      int next = user.indexOf(ConversationPrompt.data(m.text()), at + 1);
      assertThat(next).as("in order: %s", m.text()).isGreaterThan(at);
      at = next;
    }
    // the 24 small-talk messages and the new one: the oldest five stay out
    assertThat(user).doesNotContain("hola buenas tardes", "estoy viendo opciones para cambiarme");
  }

  @Test
  void givenA429WithRetryAfter_thenRateLimitedWithTheDelayAndNoRetry() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Retry-After", "7")
                    .withBody(
                        "{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\","
                            + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}")));

    assertThatThrownBy(() -> agent().reply(chat.request("hola, busco arriendo en Maipú")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
              assertThat(e.retriable()).isTrue();
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
              assertThat(e.provider()).isEqualTo("openai");
            });
    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
    assertThat(calls).singleElement().extracting(ProviderCall::outcome).isEqualTo("rate_limited");
  }

  @Test
  void givenA500_thenServerErrorWithoutRetry() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody(
                        "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")));

    assertThatThrownBy(() -> agent().reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.SERVER_ERROR));
    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void givenAWrongKey_thenAuthAndNotRetriable() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\":{\"message\":\"Incorrect API key provided\","
                            + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")));

    assertThatThrownBy(() -> agent().reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.AUTH);
              assertThat(e.retriable()).isFalse();
              assertThat(e.getMessage()).doesNotContain("sk-test-1234567890");
            });
  }

  @Test
  void givenAnAnswerSlowerThanTheTimeout_thenTimeout() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(okJson(Stubs.openAi(Stubs.NUNOA_TURN, "stop")).withFixedDelay(4000)));

    long start = System.nanoTime();
    assertThatThrownBy(() -> agent().reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
  }

  @Test
  void givenTruncatedJson_thenOneRepairWithTheErrorAndTheRepairedAnswerIsUsed() throws Exception {
    String truncated = Stubs.NUNOA_TURN.substring(0, Stubs.NUNOA_TURN.length() / 2);
    wm.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("repair")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(Stubs.openAi(truncated, "stop")))
            .willSetStateTo("repaired"));
    wm.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("repair")
            .whenScenarioStateIs("repaired")
            .willReturn(okJson(Stubs.openAi(Stubs.NUNOA_TURN, "stop"))));

    AgentReply reply = agent().reply(chat.request("busco depto en Ñuñoa hasta 4.500 UF"));

    assertThat(reply.facts().budget().value()).isEqualTo(Money.uf("4500"));
    wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
    JsonNode second = sentBody(1);
    JsonNode messages = second.at("/messages");
    assertThat(messages).hasSize(4);
    assertThat(messages.get(2).at("/role").asText()).isEqualTo("assistant");
    assertThat(messages.get(2).at("/content").asText()).isEqualTo(truncated);
    assertThat(messages.get(3).at("/content").asText())
        .startsWith("Tu respuesta anterior no sirve: no es JSON válido");
    assertThat(calls).extracting(ProviderCall::outcome).containsExactly("ok", "ok");
    assertThat(calls).extracting(ProviderCall::attempt).containsExactly(1, 2);
  }

  @Test
  void givenNonJsonTwice_thenInvalidOutputAfterExactlyOneRepair() {
    answer(Stubs.openAi("¡Hola! Claro, te ayudo a buscar depto en Ñuñoa.", "stop"));

    assertThatThrownBy(() -> agent().reply(chat.request("busco depto en Ñuñoa")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID_OUTPUT);
              assertThat(e.retriable()).isFalse();
            });
    wm.verify(2, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void givenAMissingReplyOrWrongTypes_thenInvalidOutput() {
    answer(
        Stubs.openAi(
            "{\"facts\":{\"location\":\"Ñuñoa\"},\"intent\":\"property_search\",\"escalate\":\"no\"}",
            "stop"));

    assertThatThrownBy(() -> agent().reply(chat.request("busco depto en Ñuñoa")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.INVALID_OUTPUT);
              assertThat(e.getMessage()).contains("\"facts\" debe ser una lista");
            });
  }

  @Test
  void givenFinishReasonLength_thenItIsRepairedOnce() throws Exception {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("length")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(Stubs.openAi("{\"facts\":[],\"intent\":\"greet", "length")))
            .willSetStateTo("second"));
    wm.stubFor(
        post(urlEqualTo(PATH))
            .inScenario("length")
            .whenScenarioStateIs("second")
            .willReturn(
                okJson(
                    Stubs.openAi(
                        Stubs.turn(
                            "[]", "greeting", false, "¡Hola! ¿Qué tipo de propiedad buscas?"),
                        "stop"))));

    AgentReply reply = agent().reply(chat.request("holaa"));

    assertThat(reply.intent()).isEqualTo(Intent.GREETING);
    assertThat(sentBody(1).at("/messages/3/content").asText()).contains("quedó cortada");
  }

  @Test
  void givenContentFilter_thenContentFilteredWithoutRepair() {
    answer(Stubs.openAi(null, "content_filter"));

    assertThatThrownBy(() -> agent().reply(chat.request("hola")))
        .isInstanceOfSatisfying(
            AgentUnavailableException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CONTENT_FILTERED));
    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void givenInvalidIndividualFacts_thenOnlyThoseAreDropped() {
    answer(
        Stubs.openAi(
            Stubs.turn(
                "["
                    + Stubs.fact("bedrooms", "-2", "none", 1)
                    + ","
                    + Stubs.fact("monthly_income", "60", "uf", 1)
                    + ","
                    + Stubs.fact("property_type", "castillo", "none", 1)
                    + ","
                    + Stubs.fact("location", "La Reina", "none", 1)
                    + ","
                    + Stubs.fact("debt_amount", "2500000", "clp", 1)
                    + ","
                    + Stubs.fact("bathrooms", "2", "none", 1)
                    + "]",
                "property_search",
                false,
                "Perfecto, anoto La Reina con dos baños. ¿Cuál es tu presupuesto?"),
            "stop"));

    AgentReply reply =
        agent().reply(chat.request("en la reina, 2 baños. gano 60 uf y debo 2 palos y medio"));

    assertThat(reply.facts().bedrooms()).isNull();
    assertThat(reply.facts().monthlyIncome()).isNull();
    assertThat(reply.facts().propertyType()).isNull();
    assertThat(reply.facts().location().value()).isEqualTo("La Reina");
    assertThat(reply.facts().bathrooms().value()).isEqualTo(2);
    assertThat(reply.facts().debtAmount().value()).isEqualTo(Money.clp(2_500_000));
  }

  @Test
  void givenAReplyThatPromisesCreditAndQuotesARate_thenReplyRulesRemoveIt() {
    answer(
        Stubs.openAi(
            Stubs.turn(
                "[]",
                "financing_question",
                false,
                "Con tu renta el crédito te lo aprueban sin problema. La tasa está en 4,5% anual."
                    + " ¿Tienes ahorrado el pie?"),
            "stop"));

    AgentReply reply = agent().reply(chat.request("me van a aprobar el credito?"));

    assertThat(reply.reply()).doesNotContain("aprueban", "4,5%");
    assertThat(reply.reply()).contains(ReplyRules.SAFE_FINANCING_LINE);
    assertThat(ReplyRules.enforce(reply.reply()).changed()).isFalse();
  }

  @Test
  void givenTheModelEscalates_thenTheIntentIsHumanRequest() {
    answer(
        Stubs.openAi(
            Stubs.turn(
                "[]",
                "other",
                true,
                "Entiendo tu molestia, Camila. Una persona del equipo te va a responder pronto."),
            "stop"));

    AgentReply reply =
        agent().reply(chat.request("llevo 3 días esperando respuesta, voy a ir al sernac"));

    assertThat(reply.intent()).isEqualTo(Intent.HUMAN_REQUEST);
  }

  @Test
  void givenAnOpenAiCompatibleServerWithoutKey_thenNoAuthorizationHeaderIsSent() {
    answer(Stubs.openAi(Stubs.NUNOA_TURN, "stop"));
    ProviderSettings local =
        new ProviderSettings(
            ProviderKind.OPENAI_COMPATIBLE,
            "qwen2.5-7b-instruct",
            null,
            wm.baseUrl() + "/v1",
            Duration.ofSeconds(2),
            0,
            null);

    AgentReply reply =
        new LangChain4jConversationAgent(local, ProviderCallListener.NONE)
            .reply(chat.request("busco depto en Ñuñoa hasta 4.500 UF"));

    assertThat(reply.facts().location().value()).isEqualTo("Ñuñoa");
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withHeader("Authorization", absent())
            .withRequestBody(matchingJsonPath("$.model", equalTo("qwen2.5-7b-instruct"))));
  }
}
