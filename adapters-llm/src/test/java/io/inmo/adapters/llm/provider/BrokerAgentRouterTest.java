package io.inmo.adapters.llm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.adapters.llm.offline.OfflineConversationAgent;
import io.inmo.adapters.llm.router.BrokerAgentRouter;
import io.inmo.application.port.out.ConversationAgentPort;
import io.inmo.application.port.out.ConversationAgentPort.AgentReply;
import io.inmo.application.port.out.ConversationAgentPort.AgentRequest;
import io.inmo.application.port.out.ConversationAgentPort.AgentRoute;
import io.inmo.domain.broker.BrokerLlmConfig;
import io.inmo.domain.conversation.Intent;
import io.inmo.domain.lead.LeadFacts;
import io.inmo.domain.shared.Secret;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The router follows the application's route: the offline agent, the server's chain, or the
 * broker's own chain with the broker's key (rebuilt when the broker changes its settings).
 */
class BrokerAgentRouterTest extends WireMockProvider {
  private static final String BROKER_PATH = "/corredora/v1/chat/completions";
  private final AtomicInteger serverCalls = new AtomicInteger();
  private final ConversationAgentPort serverChain =
      request -> {
        serverCalls.incrementAndGet();
        return new AgentReply(
            null, null, null, LeadFacts.empty(), Intent.OTHER, "Respuesta del servidor.");
      };

  private BrokerAgentRouter router() {
    return new BrokerAgentRouter(
        serverChain,
        new OfflineConversationAgent(),
        Map.of("openai", wm.baseUrl() + "/corredora/v1"),
        Duration.ofSeconds(2),
        calls::add);
  }

  private BrokerLlmConfig settings(String key, Instant at) {
    return BrokerLlmConfig.defaults(chat.broker, Conversations.NOW)
        .withSettings(
            "openai",
            "gpt-4o-mini",
            null,
            List.of(),
            Map.of("openai.api_key", Secret.of(key)),
            new BigDecimal("20"),
            at);
  }

  private AgentRequest routed(String text, AgentRoute route) {
    AgentRequest r = chat.request(text);
    return new AgentRequest(
        r.prompt(), r.lead(), r.history(), r.newMessages(), r.nextFields(), route);
  }

  @Test
  void givenTheServerRoute_whenATurnRuns_thenTheServersChainAnswers() {
    AgentReply reply = router().reply(routed("hola", AgentRoute.SERVER_CHAIN));

    assertThat(reply.reply()).isEqualTo("Respuesta del servidor.");
    assertThat(serverCalls).hasValue(1);
    wm.verify(0, postRequestedFor(urlEqualTo(BROKER_PATH)));
  }

  @Test
  void givenTheOfflineRoute_whenATurnRuns_thenNoProviderIsCalled() {
    BrokerLlmConfig own = settings("sk-corredora-1", Conversations.NOW);

    AgentReply reply =
        router().reply(routed("hola, me llamo Camila Rojas", new AgentRoute(own, true)));

    assertThat(reply.name()).isEqualTo("Camila Rojas");
    assertThat(serverCalls).hasValue(0);
    wm.verify(0, postRequestedFor(urlEqualTo(BROKER_PATH)));
  }

  @Test
  void givenTheBrokersChain_whenItsKeyChanges_thenTheNextTurnUsesTheNewKey() {
    wm.stubFor(
        post(urlEqualTo(BROKER_PATH)).willReturn(okJson(Stubs.openAi(Stubs.NUNOA_TURN, "stop"))));
    BrokerAgentRouter router = router();

    router.reply(
        routed(
            "busco en Ñuñoa",
            new AgentRoute(settings("sk-corredora-1", Conversations.NOW), false)));
    router.reply(
        routed(
            "hasta 4.500 UF",
            new AgentRoute(settings("sk-corredora-2", Conversations.NOW.plusSeconds(60)), false)));

    wm.verify(
        1,
        postRequestedFor(urlEqualTo(BROKER_PATH))
            .withHeader("Authorization", equalTo("Bearer sk-corredora-1")));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(BROKER_PATH))
            .withHeader("Authorization", equalTo("Bearer sk-corredora-2")));
    assertThat(serverCalls).hasValue(0);
    assertThat(calls)
        .extracting(ProviderCallListener.ProviderCall::broker)
        .containsOnly(chat.broker);
    assertThat(router.brokerStates().get(chat.broker))
        .containsEntry("openai:gpt-4o-mini", "closed");
  }
}
