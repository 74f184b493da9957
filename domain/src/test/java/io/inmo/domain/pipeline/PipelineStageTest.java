package io.inmo.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PipelineStageTest {

  @Test
  void givenStages_whenListed_thenProductOrderWithSpanishLabels() {
    assertThat(PipelineStage.values())
        .extracting(PipelineStage::apiValue)
        .containsExactly(
            "new", "profiling", "financial_qualification", "potential", "scheduled", "won", "lost");
    assertThat(PipelineStage.values())
        .extracting(PipelineStage::label)
        .containsExactly(
            "Entrada",
            "Perfilamiento",
            "Calificación financiera",
            "Potencial",
            "Agendado",
            "Ganado",
            "Perdido");
  }

  @ParameterizedTest
  @EnumSource(PipelineStage.class)
  void givenAnyStage_whenRoundTripped_thenSameStage(PipelineStage stage) {
    assertThat(PipelineStage.fromApiValue(stage.apiValue())).isEqualTo(stage);
  }

  @Test
  void givenUnknownValue_whenParsed_thenRejected() {
    assertThatThrownBy(() -> PipelineStage.fromApiValue("qualified"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenWonAndLost_whenAsked_thenOnlyTheyAreClosed() {
    assertThat(PipelineStage.WON.isClosed()).isTrue();
    assertThat(PipelineStage.LOST.isClosed()).isTrue();
    assertThat(PipelineStage.SCHEDULED.isClosed()).isFalse();
    assertThat(PipelineStage.NEW.isClosed()).isFalse();
  }

  @Test
  void givenStages_whenCompared_thenIsBeforeIsStrict() {
    assertThat(PipelineStage.NEW.isBefore(PipelineStage.PROFILING)).isTrue();
    assertThat(PipelineStage.POTENTIAL.isBefore(PipelineStage.SCHEDULED)).isTrue();
    assertThat(PipelineStage.SCHEDULED.isBefore(PipelineStage.POTENTIAL)).isFalse();
    assertThat(PipelineStage.PROFILING.isBefore(PipelineStage.PROFILING)).isFalse();
  }

  @Test
  void givenLeadsInEveryStage_whenAskedHowFarTheyGot_thenLostOnesCountWhereTheyWereClosed() {
    assertThat(PipelineStage.FORWARD_PATH)
        .containsExactly(
            PipelineStage.NEW,
            PipelineStage.PROFILING,
            PipelineStage.FINANCIAL_QUALIFICATION,
            PipelineStage.POTENTIAL,
            PipelineStage.SCHEDULED,
            PipelineStage.WON);
    assertThat(PipelineStage.POTENTIAL.furthestReached(null)).isEqualTo(PipelineStage.POTENTIAL);
    assertThat(PipelineStage.WON.furthestReached(PipelineStage.SCHEDULED))
        .isEqualTo(PipelineStage.WON);
    assertThat(PipelineStage.LOST.furthestReached(PipelineStage.SCHEDULED))
        .isEqualTo(PipelineStage.SCHEDULED);
    assertThat(PipelineStage.LOST.furthestReached(null)).isEqualTo(PipelineStage.NEW);
  }
}
