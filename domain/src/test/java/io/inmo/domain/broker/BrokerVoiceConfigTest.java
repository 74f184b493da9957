package io.inmo.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.shared.Secret;
import io.inmo.domain.shared.TimeMother;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerVoiceConfigTest {
  private final BrokerVoiceConfig defaults =
      BrokerVoiceConfig.defaults(BrokerId.newId(), TimeMother.NOW);

  @Test
  void givenNewBroker_whenDefaults_thenNotConfiguredNineToEightTwoCalls() {
    assertThat(defaults.provider()).isNull();
    assertThat(defaults.isConfigured()).isFalse();
    assertThat(defaults.credentials()).isEmpty();
    assertThat(defaults.callingHoursStart()).isEqualTo(LocalTime.of(9, 0));
    assertThat(defaults.callingHoursEnd()).isEqualTo(LocalTime.of(20, 0));
    assertThat(defaults.maxConcurrentCalls()).isEqualTo(2);
  }

  @Test
  void givenVapi_whenConfigured_thenProviderNormalisedAndSecretsMasked() {
    BrokerVoiceConfig vapi =
        defaults.withProvider(
            " VAPI ",
            Map.of("api_key", Secret.of("vapi-key-98765432")),
            "pn_123",
            "asst_456",
            TimeMother.later(1));

    assertThat(vapi.provider()).isEqualTo("vapi");
    assertThat(vapi.isConfigured()).isTrue();
    assertThat(vapi.credentials().get("api_key").reveal()).isEqualTo("vapi-key-98765432");
    assertThat(vapi.toString()).contains("••••5432").doesNotContain("vapi-key-98765432");
    assertThat(vapi.phoneNumberId()).isEqualTo("pn_123");
  }

  @Test
  void givenUnknownProvider_whenConfigured_thenRejected() {
    assertThatThrownBy(() -> defaults.withProvider("twilio", Map.of(), null, null, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenBlankCredentialKey_whenConfigured_thenRejected() {
    assertThatThrownBy(
            () ->
                defaults.withProvider(
                    "bland", Map.of(" ", Secret.of("x-123456789")), null, null, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenCallingHours_whenChecked_thenStartInclusiveEndExclusive() {
    assertThat(defaults.isWithinCallingHours(LocalTime.of(9, 0))).isTrue();
    assertThat(defaults.isWithinCallingHours(LocalTime.of(19, 59))).isTrue();
    assertThat(defaults.isWithinCallingHours(LocalTime.of(20, 0))).isFalse();
    assertThat(defaults.isWithinCallingHours(LocalTime.of(8, 59))).isFalse();
  }

  @Test
  void givenInvertedHoursOrNoConcurrency_whenSet_thenRejected() {
    assertThatThrownBy(
            () -> defaults.withCalling(LocalTime.of(20, 0), LocalTime.of(9, 0), 2, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> defaults.withCalling(LocalTime.of(9, 0), LocalTime.of(20, 0), 0, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
