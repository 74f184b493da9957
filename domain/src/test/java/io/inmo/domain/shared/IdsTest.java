package io.inmo.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void givenIdsMadeInOneMillisecond_whenCompared_thenEachLaterOneIsGreaterAndVersion7() {
    UUID previous = Ids.newUuid();
    for (int i = 0; i < 20_000; i++) { // many per millisecond, past the 4,096 of one counter
      UUID next = Ids.newUuid();
      assertThat(next).isGreaterThan(previous);
      assertThat(next.version()).isEqualTo(7);
      assertThat(next.variant()).isEqualTo(2);
      previous = next;
    }
  }

  @Test
  void givenNewId_whenItsTimeIsRead_thenItIsNow() {
    long before = System.currentTimeMillis();
    long millis = Ids.newUuid().getMostSignificantBits() >>> 16;
    assertThat(millis).isBetween(before - 5, System.currentTimeMillis() + 50);
  }
}
