package io.inmo.adapters.llm.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.shared.Secret;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

  @Test
  void theKeyNeverAppearsInToString() {
    ProviderSettings s =
        ProviderSettings.of(ProviderKind.OPENAI, "gpt-4o-mini", Secret.of("sk-live-abcdefgh12345"));

    assertThat(s.toString()).doesNotContain("sk-live", "12345").contains("openai/gpt-4o-mini");
    assertThat(new LangChain4jConversationAgent(s, ProviderCallListener.NONE).toString())
        .doesNotContain("sk-live");
  }

  @Test
  void defaultsAreTheVendorEndpointNoRetriesAndTheProviderMode() {
    ProviderSettings s =
        ProviderSettings.of(ProviderKind.ANTHROPIC, "claude-haiku-4-5", Secret.of("k"));

    assertThat(s.baseUrl()).isEqualTo("https://api.anthropic.com/v1/");
    assertThat(s.timeout()).isEqualTo(ProviderSettings.DEFAULT_TIMEOUT);
    assertThat(s.structuredOutput()).isEqualTo(StructuredOutputMode.TOOL_CALL);
    assertThat(
            ProviderSettings.of(ProviderKind.GEMINI, "gemini-2.5-flash", Secret.of("k"))
                .structuredOutput())
        .isEqualTo(StructuredOutputMode.JSON_SCHEMA);
  }

  @Test
  void cloudProvidersNeedAKeyAndCompatibleServersAUrl() {
    assertThatThrownBy(() -> ProviderSettings.of(ProviderKind.GEMINI, "gemini-2.5-flash", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ProviderSettings.of(ProviderKind.OPENAI_COMPATIBLE, "qwen", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ProviderSettings.of(ProviderKind.OLLAMA, "llama3.1", null).baseUrl())
        .isEqualTo("http://localhost:11434");
  }

  @Test
  void retryAfterIsReadAsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2026-03-02T15:00:00Z");

    assertThat(ProviderHttpClient.retryAfter("12", now)).isEqualTo(Duration.ofSeconds(12));
    assertThat(ProviderHttpClient.retryAfter("Mon, 02 Mar 2026 15:00:45 GMT", now))
        .isEqualTo(Duration.ofSeconds(45));
    assertThat(ProviderHttpClient.retryAfter("soon", now)).isNull();
    assertThat(ProviderHttpClient.retryAfter(null, now)).isNull();
  }
}
