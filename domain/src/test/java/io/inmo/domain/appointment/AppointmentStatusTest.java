package io.inmo.domain.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppointmentStatusTest {
  @Test
  void givenAllStatuses_whenBlocksSlot_thenOnlyScheduledAndConfirmed() {
    assertThat(AppointmentStatus.values())
        .filteredOn(AppointmentStatus::blocksSlot)
        .containsExactlyInAnyOrder(AppointmentStatus.SCHEDULED, AppointmentStatus.CONFIRMED);
  }

  @Test
  void givenConfirmed_whenCanTransitionToScheduled_thenFalse() {
    assertThat(AppointmentStatus.CONFIRMED.canTransitionTo(AppointmentStatus.SCHEDULED)).isFalse();
  }
}
