package io.inmo.domain.scoring;

import java.time.Duration;
import java.time.Instant;

/**
 * How a lead has engaged in its conversations, the input of the engagement bonus of the score
 * (PRODUCT §5): how often it replied, how fast it usually answers and when it last wrote.
 *
 * @param inboundReplies messages the lead sent us; ≥ 0
 * @param medianReplyDelay median time the lead took to answer our messages; null when unknown;
 *     never negative; known only once the lead replied at least once
 * @param lastInboundAt when the lead last wrote or spoke to us; null when never
 */
public record Engagement(int inboundReplies, Duration medianReplyDelay, Instant lastInboundAt) {

  /** A lead that never replied. */
  public static final Engagement NONE = new Engagement(0, null, null);

  public Engagement {
    if (inboundReplies < 0) {
      throw new IllegalArgumentException("inboundReplies must not be negative: " + inboundReplies);
    }
    if (medianReplyDelay != null && medianReplyDelay.isNegative()) {
      throw new IllegalArgumentException(
          "medianReplyDelay must not be negative: " + medianReplyDelay);
    }
    if (medianReplyDelay != null && inboundReplies == 0) {
      throw new IllegalArgumentException("a median reply delay needs at least one reply");
    }
  }
}
