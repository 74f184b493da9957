package io.inmo.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreResultTest {

  @Test
  void givenComponentsAddingUpToTheScore_whenCreated_thenKeptAsAnImmutableCopy() {
    List<ScoreComponent> components = new ArrayList<>();
    components.add(new ScoreComponent("budget", 20, "Presupuesto conocido"));
    components.add(new ScoreComponent("location", 15, "Ubicación buscada conocida"));

    ScoreResult result = new ScoreResult(LeadScore.of(35), components);
    components.clear();

    assertThat(result.components()).hasSize(2);
    assertThatThrownBy(() -> result.components().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenComponentsNotAddingUpToTheScore_whenCreated_thenRejected() {
    List<ScoreComponent> components =
        List.of(new ScoreComponent("budget", 20, "Presupuesto conocido"));

    assertThatThrownBy(() -> new ScoreResult(LeadScore.of(72), components))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("20");
    assertThat(new ScoreResult(LeadScore.ZERO, List.of()).components()).isEmpty();
  }
}
