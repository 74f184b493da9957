package io.inmo.domain.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatusTest {
  @Test
  void givenFailed_whenAskedForAnyNext_thenNeverAdvances() {
    for (DeliveryStatus next : DeliveryStatus.values()) {
      assertThat(DeliveryStatus.FAILED.canAdvanceTo(next)).as("failed -> %s", next).isFalse();
    }
  }

  @Test
  void givenReceived_whenAskedForAnyNext_thenNeverAdvances() {
    for (DeliveryStatus next : DeliveryStatus.values()) {
      assertThat(DeliveryStatus.RECEIVED.canAdvanceTo(next)).as("received -> %s", next).isFalse();
    }
  }

  @Test
  void givenReadAndFailed_whenIsTerminal_thenTrueOnlyForThem() {
    assertThat(DeliveryStatus.values())
        .filteredOn(DeliveryStatus::isTerminal)
        .containsExactlyInAnyOrder(DeliveryStatus.READ, DeliveryStatus.FAILED);
  }
}
