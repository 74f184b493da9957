package io.inmo.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void givenLongToken_whenPrinted_thenOnlyLastFourCharsShow() {
    Secret token = Secret.of("7012345678:AAHkQxZ-botToken1234");

    assertThat(token.toString()).isEqualTo("••••1234");
    assertThat(token.masked()).isEqualTo("••••1234");
    assertThat(String.valueOf(token)).doesNotContain("AAHk");
  }

  @Test
  void givenShortSecret_whenMasked_thenNothingShows() {
    assertThat(Secret.of("abc1234").masked()).isEqualTo("••••");
    assertThat(Secret.of("abcd1234").masked()).isEqualTo("••••1234");
  }

  @Test
  void givenSecret_whenRevealed_thenPlaintextReturns() {
    assertThat(Secret.of("sk-vapi-0001").reveal()).isEqualTo("sk-vapi-0001");
  }

  @Test
  void givenSameValue_whenCompared_thenEqual() {
    assertThat(Secret.of("sk-vapi-0001"))
        .isEqualTo(Secret.of("sk-vapi-0001"))
        .hasSameHashCodeAs(Secret.of("sk-vapi-0001"))
        .isNotEqualTo(Secret.of("sk-vapi-0002"));
  }

  @Test
  void givenBlankOrNull_whenWrapped_thenRejected() {
    assertThatThrownBy(() -> Secret.of("  ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class);
  }
}
