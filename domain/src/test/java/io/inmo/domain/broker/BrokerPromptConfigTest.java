package io.inmo.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.shared.TimeMother;
import org.junit.jupiter.api.Test;

class BrokerPromptConfigTest {
  private final BrokerId broker = BrokerId.newId();

  @Test
  void givenNewBroker_whenDefaults_thenSofiaSpeaksChileanSpanishAndBooks() {
    BrokerPromptConfig config = BrokerPromptConfig.defaults(broker, TimeMother.NOW);

    assertThat(config.id()).isNotNull();
    assertThat(config.brokerId()).isEqualTo(broker);
    assertThat(config.agentName()).isEqualTo("Sofía");
    assertThat(config.language()).isEqualTo("es-CL");
    assertThat(config.enableAppointmentBooking()).isTrue();
    assertThat(config.identityPrompt()).isNull();
    assertThat(config.createdAt()).isEqualTo(TimeMother.NOW);
    assertThat(config.version()).isZero();
  }

  @Test
  void givenNewSettings_whenApplied_thenTrimmedBlankCleared_andIdentityKept() {
    BrokerPromptConfig config = BrokerPromptConfig.defaults(broker, TimeMother.NOW);

    BrokerPromptConfig updated =
        config.withSettings(
            " Valentina ",
            "Eres la asesora de Propiedades Ñuñoa.",
            "  ",
            "Nunca prometas aprobación de crédito.",
            "es",
            false,
            TimeMother.later(5));

    assertThat(updated.agentName()).isEqualTo("Valentina");
    assertThat(updated.businessContext()).isNull();
    assertThat(updated.agentRules()).isEqualTo("Nunca prometas aprobación de crédito.");
    assertThat(updated.language()).isEqualTo("es");
    assertThat(updated.enableAppointmentBooking()).isFalse();
    assertThat(updated.id()).isEqualTo(config.id());
    assertThat(updated.createdAt()).isEqualTo(TimeMother.NOW);
    assertThat(updated.updatedAt()).isEqualTo(TimeMother.later(5));
  }

  @Test
  void givenBlankAgentNameOrBadLanguage_whenApplied_thenRejected() {
    BrokerPromptConfig config = BrokerPromptConfig.defaults(broker, TimeMother.NOW);

    assertThatThrownBy(
            () -> config.withSettings(" ", null, null, null, "es-CL", true, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> config.withSettings("Sofía", null, null, null, "español", true, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
