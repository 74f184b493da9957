package io.inmo.domain.lead;

import java.util.Objects;

/**
 * One known fact about a lead with the id of the message (chat message or call) it came from, so
 * staff can check where the agent learnt it.
 *
 * @param sourceMessageId nullable (facts typed in by staff or imported); blank becomes null
 */
public record Fact<T>(T value, String sourceMessageId) {
  public static final int MAX_SOURCE_LENGTH = 255;

  public Fact {
    Objects.requireNonNull(value, "fact value must not be null");
    if (sourceMessageId != null) {
      sourceMessageId = sourceMessageId.strip();
      if (sourceMessageId.isEmpty()) {
        sourceMessageId = null;
      } else if (sourceMessageId.length() > MAX_SOURCE_LENGTH) {
        throw new IllegalArgumentException(
            "sourceMessageId must be at most " + MAX_SOURCE_LENGTH + " chars");
      }
    }
  }

  /** A fact without a source message (typed in by staff or imported). */
  public static <T> Fact<T> of(T value) {
    return new Fact<>(value, null);
  }

  public static <T> Fact<T> of(T value, String sourceMessageId) {
    return new Fact<>(value, sourceMessageId);
  }
}
