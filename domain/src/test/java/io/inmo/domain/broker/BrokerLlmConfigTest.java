package io.inmo.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.shared.Secret;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerLlmConfigTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private final BrokerLlmConfig defaults = BrokerLlmConfig.defaults(BrokerId.newId(), NOW);

  private BrokerLlmConfig with(
      String provider, String model, String baseUrl, List<String> fallbacks, String budget) {
    return defaults.withSettings(
        provider,
        model,
        baseUrl,
        fallbacks,
        Map.of("openai.api_key", Secret.of("sk-1"), "anthropic.api_key", Secret.of("sk-2")),
        budget == null ? null : new BigDecimal(budget),
        NOW);
  }

  @Test
  void givenTheDefaults_thenTheServersChainWithoutBudget() {
    assertThat(defaults.usesServerChain()).isTrue();
    assertThat(defaults.offlineOnly()).isFalse();
    assertThat(defaults.chain()).isEmpty();
    assertThat(defaults.budgetReached(new BigDecimal("1000"))).isFalse();
  }

  @Test
  void givenAPrimaryAndFallbacks_thenTheChainIsInOrderWithTheKeysItNeeds() {
    BrokerLlmConfig c =
        with(" OpenAI ", "gpt-4o-mini", null, List.of("anthropic:claude-haiku-4-5"), "50");

    assertThat(c.provider()).isEqualTo("openai");
    assertThat(c.chain())
        .extracting(BrokerLlmConfig.Link::name)
        .containsExactly("openai:gpt-4o-mini", "anthropic:claude-haiku-4-5");
    assertThat(c.missingCredentials()).isEmpty();
    assertThat(c.monthlyBudgetUsd()).isEqualByComparingTo("50.00");
    assertThat(c.budgetReached(new BigDecimal("49.999999"))).isFalse();
    assertThat(c.budgetReached(new BigDecimal("50"))).isTrue();

    BrokerLlmConfig gemini =
        defaults.withSettings("gemini", "gemini-2.0-flash", null, List.of(), Map.of(), null, NOW);
    assertThat(gemini.missingCredentials()).containsExactly("gemini.api_key");
    BrokerLlmConfig ollama =
        defaults.withSettings(
            "ollama", "llama3.1", "http://ollama:11434", List.of(), Map.of(), null, NOW);
    assertThat(ollama.missingCredentials()).isEmpty();
  }

  @Test
  void givenInvalidSettings_thenEachIsRefusedWithItsReason() {
    assertThatThrownBy(() -> with("mistral", "large", null, List.of(), null))
        .hasMessageContaining("mistral");
    assertThatThrownBy(() -> with("openai", null, null, List.of(), null))
        .hasMessageContaining("needs a model");
    assertThatThrownBy(() -> with("openai", "gpt 4o", null, List.of(), null))
        .hasMessageContaining("without spaces");
    assertThatThrownBy(() -> with("offline", "gpt-4o-mini", null, List.of(), null))
        .hasMessageContaining("model needs a provider");
    assertThatThrownBy(() -> with("openai_compatible", "qwen2.5", null, List.of(), null))
        .hasMessageContaining("base URL");
    assertThatThrownBy(() -> with("openai", "gpt-4o-mini", "ftp://llm.cl", List.of(), null))
        .hasMessageContaining("http(s)");
    assertThatThrownBy(
            () -> with("openai", "gpt-4o-mini", "https://u:p@llm.andes.cl/v1", List.of(), null))
        .hasMessageContaining("no credentials");
    assertThatThrownBy(
            () -> with("openai", "gpt-4o-mini", null, List.of("openai:gpt-4o-mini"), null))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> with("openai", "gpt-4o-mini", null, List.of("offline:x"), null))
        .hasMessageContaining("offline");
    assertThatThrownBy(() -> with("openai", "gpt-4o-mini", null, List.of("anthropic"), null))
        .hasMessageContaining("provider:model");
    assertThatThrownBy(
            () ->
                with(
                    "openai",
                    "gpt-4o-mini",
                    null,
                    List.of("anthropic:a", "anthropic:b", "gemini:c", "ollama:d"),
                    null))
        .hasMessageContaining("at most 3");
    assertThatThrownBy(() -> with("openai", "gpt-4o-mini", null, List.of(), "0"))
        .hasMessageContaining("> 0");
    assertThatThrownBy(() -> with("openai", "gpt-4o-mini", null, List.of(), "12.345"))
        .hasMessageContaining("two decimals");
    assertThatThrownBy(
            () ->
                defaults.withSettings(
                    "openai",
                    "gpt-4o-mini",
                    null,
                    List.of(),
                    Map.of("telegram.bot_token", Secret.of("x")),
                    null,
                    NOW))
        .hasMessageContaining("unknown credential");
  }

  @Test
  void givenOfflineByChoice_thenNoChainAndNoModel() {
    BrokerLlmConfig offline = with("offline", null, null, List.of(), "10");
    assertThat(offline.offlineOnly()).isTrue();
    assertThat(offline.usesServerChain()).isFalse();
    assertThat(offline.chain()).isEmpty();
  }
}
