package io.inmo.domain.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TranscriptLineTest {
  @Test
  void givenPaddedText_whenCreated_thenStripped() {
    assertThat(new TranscriptLine(0, Speaker.LEAD, "  Sí, me interesa  ", 1.25).text())
        .isEqualTo("Sí, me interesa");
  }

  @Test
  void givenNegativeSeq_whenCreated_thenRejected() {
    assertThatThrownBy(() -> new TranscriptLine(-1, Speaker.AGENT, "Hola", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenBlankText_whenCreated_thenRejected() {
    assertThatThrownBy(() -> new TranscriptLine(0, Speaker.AGENT, "   ", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenNegativeOrNanSeconds_whenCreated_thenRejected() {
    assertThatThrownBy(() -> new TranscriptLine(0, Speaker.AGENT, "Hola", -0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TranscriptLine(0, Speaker.AGENT, "Hola", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
