package io.inmo.adapters.llm.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.inmo.adapters.llm.offline.OfflineConversationAgent;
import io.inmo.adapters.llm.router.ProviderRouter;
import io.inmo.adapters.llm.router.ProviderRouter.Link;
import io.inmo.adapters.llm.router.ProviderRouterHealth;
import io.inmo.application.port.out.ConversationAgentPort.AgentReply;
import io.inmo.domain.shared.Money;
import io.inmo.domain.shared.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chain in front of the providers: one OpenAI and one OpenAI-compatible stub on WireMock, then
 * the offline agent. A failing provider never fails the turn.
 */
class ProviderRouterTest extends WireMockProvider {
  private static final String PRIMARY = "/primario/v1/chat/completions";
  private static final String FALLBACK = "/respaldo/v1/chat/completions";
  private static final String OTHER_TURN =
      Stubs.turn(
          "[" + Stubs.fact("location", "Ñuñoa", "none", 1) + "]",
          "property_search",
          false,
          "Te ayudo desde el respaldo: ¿cuál es tu presupuesto?");

  private ProviderRouter router(CircuitBreakerConfig breaker) {
    LangChain4jConversationAgent primary =
        new LangChain4jConversationAgent(
            ProviderSettings.of(ProviderKind.OPENAI, "gpt-4o-mini", Secret.of("sk-test-primario"))
                .withBaseUrl(wm.baseUrl() + "/primario/v1")
                .withTimeout(Duration.ofMillis(800)),
            calls::add);
    LangChain4jConversationAgent fallback =
        new LangChain4jConversationAgent(
            new ProviderSettings(
                ProviderKind.OPENAI_COMPATIBLE,
                "llama-3.1-8b",
                null,
                wm.baseUrl() + "/respaldo/v1",
                Duration.ofMillis(800),
                0,
                null),
            calls::add);
    return new ProviderRouter(
        List.of(
            new Link("openai:gpt-4o-mini", primary),
            new Link("openai_compatible:llama-3.1-8b", fallback)),
        new OfflineConversationAgent(),
        breaker);
  }

  private static CircuitBreakerConfig quickBreaker() {
    return CircuitBreakerConfig.from(ProviderRouter.defaultBreaker())
        .slidingWindowSize(4)
        .minimumNumberOfCalls(2)
        .waitDurationInOpenState(Duration.ofMinutes(5))
        .build();
  }

  @Test
  void givenThePrimaryHealthy_whenATurnRuns_thenExactlyOneCallToItAndItsFactsReachTheReply() {
    wm.stubFor(
        post(urlEqualTo(PRIMARY)).willReturn(okJson(Stubs.openAi(Stubs.NUNOA_TURN, "stop"))));

    AgentReply reply =
        router(quickBreaker()).reply(chat.request("busco depto en Ñuñoa hasta 4.500 UF"));

    assertThat(reply.facts().budget().value()).isEqualTo(Money.uf("4500"));
    wm.verify(1, postRequestedFor(urlEqualTo(PRIMARY)));
    wm.verify(0, postRequestedFor(urlEqualTo(FALLBACK)));
  }

  @Test
  void givenThePrimaryAnswering500_whenATurnRuns_thenRetriedOnceThenTheFallbackAnswers() {
    wm.stubFor(
        post(urlEqualTo(PRIMARY)).willReturn(error(500, "{\"error\":{\"message\":\"boom\"}}")));
    wm.stubFor(post(urlEqualTo(FALLBACK)).willReturn(okJson(Stubs.openAi(OTHER_TURN, "stop"))));

    AgentReply reply = router(quickBreaker()).reply(chat.request("hola, busco en Ñuñoa"));

    assertThat(reply.reply()).startsWith("Te ayudo desde el respaldo");
    wm.verify(2, postRequestedFor(urlEqualTo(PRIMARY)));
    wm.verify(1, postRequestedFor(urlEqualTo(FALLBACK)));
  }

  @Test
  void givenTheProviderRateLimitingWithRetryAfter_whenATurnRuns_thenItWaitsAndTriesAgain() {
    wm.stubFor(
        post(urlEqualTo(PRIMARY))
            .inScenario("429")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"Rate limit reached\"}}"))
            .willSetStateTo("after"));
    wm.stubFor(
        post(urlEqualTo(PRIMARY))
            .inScenario("429")
            .whenScenarioStateIs("after")
            .willReturn(okJson(Stubs.openAi(Stubs.NUNOA_TURN, "stop"))));

    long start = System.nanoTime();
    AgentReply reply = router(quickBreaker()).reply(chat.request("busco depto en Ñuñoa"));

    assertThat(reply.facts().location().value()).isEqualTo("Ñuñoa");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    wm.verify(2, postRequestedFor(urlEqualTo(PRIMARY)));
  }

  @Test
  void givenEveryProviderDown_whenTurnsRun_thenTheOfflineAgentAnswersAndTheBreakersOpen() {
    wm.stubFor(
        post(urlEqualTo(PRIMARY)).willReturn(error(503, "{\"error\":{\"message\":\"down\"}}")));
    wm.stubFor(
        post(urlEqualTo(FALLBACK)).willReturn(aResponse().withFixedDelay(1500).withBody("{}")));
    ProviderRouter router = router(quickBreaker());
    ProviderRouterHealth health = new ProviderRouterHealth(router);
    assertThat(health.check().up()).isTrue();

    for (int i = 0; i < 3; i++) {
      AgentReply reply = router.reply(chat.request("hola, me llamo Francisca y busco en Ñuñoa"));
      assertThat(reply.reply()).isNotBlank();
      assertThat(reply.name()).isEqualTo("Francisca"); // read by the offline agent
    }

    // two failed calls each opened both breakers; the third turn went straight to the offline agent
    wm.verify(4, postRequestedFor(urlEqualTo(PRIMARY)));
    wm.verify(2, postRequestedFor(urlEqualTo(FALLBACK)));
    assertThat(router.states())
        .containsEntry("openai:gpt-4o-mini", "open")
        .containsEntry("openai_compatible:llama-3.1-8b", "open");
    assertThat(health.check().up()).isFalse();
    assertThat(health.check().detail())
        .contains("openai:gpt-4o-mini open")
        .doesNotContain("sk-test");
  }
}
