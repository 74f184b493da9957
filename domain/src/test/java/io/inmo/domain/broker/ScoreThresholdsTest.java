package io.inmo.domain.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoreThresholdsTest {

  @Test
  void givenDefaults_whenRead_thenThirtySixtyNineSeventy() {
    assertThat(ScoreThresholds.defaults()).isEqualTo(new ScoreThresholds(30, 69, 70));
    assertThat(ScoreThresholds.of(40, 79)).isEqualTo(new ScoreThresholds(40, 79, 80));
  }

  @ParameterizedTest
  @CsvSource({"-1,69,70", "69,69,70", "70,69,70", "30,100,101", "30,69,71", "30,69,69"})
  void givenInvalidBands_whenCreated_thenRejected(int coldMax, int warmMax, int hotMin) {
    assertThatThrownBy(() -> new ScoreThresholds(coldMax, warmMax, hotMin))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenEdgeBands_whenCreated_thenAccepted() {
    assertThat(new ScoreThresholds(0, 1, 2).hotMin()).isEqualTo(2);
    assertThat(new ScoreThresholds(97, 99, 100).hotMin()).isEqualTo(100);
  }

  @ParameterizedTest
  @CsvSource({
    "0,true,false,false",
    "30,true,false,false",
    "31,false,true,false",
    "69,false,true,false",
    "70,false,false,true",
    "100,false,false,true"
  })
  void givenDefaults_whenBanding_thenBoundariesFollowThresholds(
      int score, boolean cold, boolean warm, boolean hot) {
    ScoreThresholds t = ScoreThresholds.defaults();

    assertThat(t.isCold(score)).isEqualTo(cold);
    assertThat(t.isWarm(score)).isEqualTo(warm);
    assertThat(t.isHot(score)).isEqualTo(hot);
  }

  @Test
  void givenOutOfRangeScore_whenBanding_thenRejected() {
    assertThatThrownBy(() -> ScoreThresholds.defaults().isHot(101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ScoreThresholds.defaults().isCold(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
