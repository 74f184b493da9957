package io.inmo.domain.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.shared.TimeMother;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngagementTest {

  @Test
  void givenNone_whenRead_thenNoRepliesNothingKnown() {
    assertThat(Engagement.NONE).isEqualTo(new Engagement(0, null, null));
  }

  @Test
  void givenRepliesWithMedianAndLastMessage_whenCreated_thenKept() {
    Engagement e = new Engagement(4, Duration.ofMinutes(7), TimeMother.NOW);

    assertThat(e.inboundReplies()).isEqualTo(4);
    assertThat(e.medianReplyDelay()).isEqualTo(Duration.ofMinutes(7));
    assertThat(e.lastInboundAt()).isEqualTo(TimeMother.NOW);
    assertThat(new Engagement(1, Duration.ZERO, null).medianReplyDelay()).isZero();
  }

  @Test
  void givenNegativeOrImpossibleValues_whenCreated_thenRejected() {
    assertThatThrownBy(() -> new Engagement(-1, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Engagement(3, Duration.ofMinutes(-1), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Engagement(0, Duration.ofMinutes(2), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
