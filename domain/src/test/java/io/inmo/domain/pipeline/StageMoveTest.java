package io.inmo.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.pipeline.StageMove.Rule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StageMoveTest {

  @Test
  void givenMove_whenCreated_thenReasonStrippedAndKindKnown() {
    StageMove close =
        new StageMove(PipelineStage.SCHEDULED, PipelineStage.WON, Rule.MANUAL_CLOSE, " Firmó ");
    StageMove reopen =
        new StageMove(PipelineStage.LOST, PipelineStage.PROFILING, Rule.REOPEN, "Volvió");

    assertThat(close.reason()).isEqualTo("Firmó");
    assertThat(close.closes()).isTrue();
    assertThat(close.reopens()).isFalse();
    assertThat(reopen.closes()).isFalse();
    assertThat(reopen.reopens()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(names = {"PROFILE_STARTED", "NOT_QUALIFIED", "APPOINTMENT_SCHEDULED"})
  void givenAutomaticRule_whenBackwards_thenRejected(Rule rule) {
    assertThatThrownBy(
            () -> new StageMove(PipelineStage.POTENTIAL, PipelineStage.PROFILING, rule, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenManualRule_whenBackwards_thenAllowed() {
    assertThat(
            new StageMove(PipelineStage.POTENTIAL, PipelineStage.NEW, Rule.MANUAL, "Datos malos")
                .to())
        .isEqualTo(PipelineStage.NEW);
  }

  @Test
  void givenSameStageOrBlankReason_whenCreated_thenRejected() {
    assertThatThrownBy(
            () -> new StageMove(PipelineStage.NEW, PipelineStage.NEW, Rule.MANUAL, "Nada"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new StageMove(PipelineStage.NEW, PipelineStage.PROFILING, Rule.MANUAL, "  "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new StageMove(PipelineStage.NEW, PipelineStage.PROFILING, Rule.MANUAL, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenRules_whenListed_thenApiValuesAndWhoAppliesThem() {
    assertThat(Arrays.stream(Rule.values()).map(Rule::apiValue))
        .containsExactly(
            "profile_started",
            "profile_complete",
            "financially_qualified",
            "not_qualified",
            "appointment_scheduled",
            "manual",
            "manual_close",
            "reopen");
    assertThat(Arrays.stream(Rule.values()).filter(Rule::isAutomatic))
        .containsExactly(
            Rule.PROFILE_STARTED,
            Rule.PROFILE_COMPLETE,
            Rule.FINANCIALLY_QUALIFIED,
            Rule.NOT_QUALIFIED,
            Rule.APPOINTMENT_SCHEDULED);
  }
}
