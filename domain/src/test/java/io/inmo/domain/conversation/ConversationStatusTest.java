package io.inmo.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConversationStatusTest {

  @Test
  void givenNothingHeld_whenClassified_thenOpen() {
    assertThat(ConversationStatus.of(false, false, false)).isEqualTo(ConversationStatus.OPEN);
  }

  @Test
  void givenAnEscalation_whenClassified_thenEscalatedUnlessAPersonHoldsIt() {
    assertThat(ConversationStatus.of(false, false, true)).isEqualTo(ConversationStatus.ESCALATED);
    assertThat(ConversationStatus.of(false, true, true)).isEqualTo(ConversationStatus.TAKEN_OVER);
  }

  @Test
  void givenAnOptOut_whenClassified_thenOptedOutWhateverElse() {
    assertThat(ConversationStatus.of(true, true, true)).isEqualTo(ConversationStatus.OPTED_OUT);
    assertThat(ConversationStatus.of(true, false, false)).isEqualTo(ConversationStatus.OPTED_OUT);
  }
}
