package io.inmo.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.conversation.ChatProvider;
import io.inmo.domain.shared.Secret;
import io.inmo.domain.shared.TimeMother;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BrokerChatConfigTest {
  private final BrokerChatConfig defaults =
      BrokerChatConfig.defaults(BrokerId.newId(), TimeMother.NOW);

  @Test
  void givenNewBroker_whenDefaults_thenWebchatOnlyTwoSecondBurstHourTakeover() {
    assertThat(defaults.enabledProviders()).containsExactly("webchat");
    assertThat(defaults.defaultProvider()).isEqualTo("webchat");
    assertThat(defaults.burstWindow()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.takeoverIdle()).isEqualTo(Duration.ofMinutes(60));
    assertThat(defaults.credentials()).isEmpty();
  }

  @Test
  void givenProviderList_whenCompared_thenMatchesChatProviderApiValues() {
    // the config keeps API values; they must stay in step with conversation.ChatProvider
    assertThat(BrokerChatConfig.PROVIDERS)
        .containsExactlyElementsOf(
            Arrays.stream(ChatProvider.values()).map(ChatProvider::apiValue).toList());
  }

  @Test
  void givenTelegramEnabled_whenDefaultSet_thenNormalisedAndEnabled() {
    BrokerChatConfig config =
        defaults.withProviders(
            Set.of("WEBCHAT", " telegram "),
            "Telegram",
            Map.of("telegram.bot_token", Secret.of("7012345678:AAH-secret-0042")),
            TimeMother.later(1));

    assertThat(config.enabledProviders()).containsExactly("telegram", "webchat");
    assertThat(config.defaultProvider()).isEqualTo("telegram");
    assertThat(config.isEnabled("TELEGRAM")).isTrue();
    assertThat(config.isEnabled("whatsapp")).isFalse();
    assertThat(config.toString()).contains("••••0042").doesNotContain("AAH-secret");
  }

  @Test
  void givenDefaultNotEnabled_whenSet_thenRejected() {
    assertThatThrownBy(
            () -> defaults.withProviders(Set.of("webchat"), "whatsapp", Map.of(), TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not enabled");
  }

  @Test
  void givenNoOrUnknownProvider_whenSet_thenRejected() {
    assertThatThrownBy(() -> defaults.withProviders(Set.of(), "webchat", Map.of(), TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withProviders(Set.of("sms"), "sms", Map.of(), TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenTimingOutOfRange_whenSet_thenRejected_elseKept() {
    assertThat(defaults.withTiming(0, 30, TimeMother.NOW).burstWindowSeconds()).isZero();
    assertThat(defaults.withTiming(60, 1, TimeMother.NOW).takeoverIdleMinutes()).isEqualTo(1);
    assertThatThrownBy(() -> defaults.withTiming(61, 60, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withTiming(-1, 60, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withTiming(2, 0, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
