package io.inmo.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoringValuesTest {

  @Test
  void givenScoreOutside0To100_whenCreated_thenRejected() {
    assertThat(LeadScore.of(100).value()).isEqualTo(100);
    assertThat(LeadScore.ZERO.value()).isZero();
    assertThatThrownBy(() -> LeadScore.of(101)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeadScore.of(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenAnySum_whenClamped_thenWithin0To100() {
    assertThat(LeadScore.clamped(115)).isEqualTo(LeadScore.of(100));
    assertThat(LeadScore.clamped(-20)).isEqualTo(LeadScore.ZERO);
    assertThat(LeadScore.clamped(72)).isEqualTo(LeadScore.of(72));
    assertThat(LeadScore.of(72)).isGreaterThan(LeadScore.of(71));
  }

  @Test
  void givenComponent_whenCreated_thenTrimmedAndNullReasonEmpty() {
    ScoreComponent c = new ScoreComponent(" budget ", 20, " Presupuesto de 5.000 UF ");

    assertThat(c.factor()).isEqualTo("budget");
    assertThat(c.reason()).isEqualTo("Presupuesto de 5.000 UF");
    assertThat(new ScoreComponent("engagement", 10, null).reason()).isEmpty();
  }

  @Test
  void givenBlankFactorOrPointsOutOfRange_whenCreated_thenRejected() {
    assertThatThrownBy(() -> new ScoreComponent(" ", 5, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScoreComponent("budget", 101, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ScoreComponent("opt_out", -100, "Pidió baja").points()).isEqualTo(-100);
  }

  @Test
  void givenQualificationNames_whenParsed_thenStoredNamesRoundTrip() {
    assertThat(Qualification.fromName("not_qualified")).isEqualTo(Qualification.NOT_QUALIFIED);
    assertThat(Qualification.fromName("POTENTIAL")).isEqualTo(Qualification.POTENTIAL);
    assertThatThrownBy(() -> Qualification.fromName("maybe"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
