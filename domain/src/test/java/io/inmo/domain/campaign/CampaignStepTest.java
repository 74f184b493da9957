package io.inmo.domain.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignStepTest {
  @Test
  void givenSendMessageWithoutTemplate_whenCreated_thenRejected() {
    assertThatThrownBy(() -> CampaignStep.of(1, StepAction.SEND_MESSAGE, null, 0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenStepNumberZero_whenCreated_thenRejected() {
    assertThatThrownBy(() -> CampaignStep.of(0, StepAction.WAIT, null, 1, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenDelayOverOneYear_whenCreated_thenRejected() {
    assertThatThrownBy(() -> CampaignStep.of(1, StepAction.WAIT, null, 8761, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenDelayOfExactlyOneYear_whenCreated_thenAccepted() {
    assertThat(CampaignStep.of(1, StepAction.WAIT, null, 8760, null).delayHours()).isEqualTo(8760);
  }

  @Test
  void givenUpdateStageWithoutStage_whenCreated_thenRejected() {
    assertThatThrownBy(() -> CampaignStep.of(1, StepAction.UPDATE_STAGE, null, 0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenMutableConfig_whenCallerChangesIt_thenStepUnaffected() {
    Map<String, String> config = new HashMap<>(Map.of("goal", "agendar visita"));
    CampaignStep step = CampaignStep.of(1, StepAction.AI_MESSAGE, null, 0, config);

    config.put("goal", "otra cosa");

    assertThat(step.config()).containsEntry("goal", "agendar visita");
  }
}
