package io.inmo.domain.call;

import java.util.Objects;

/**
 * One line of a voice call transcript: who spoke, what was said and when, in seconds from the start
 * of the call.
 */
public record TranscriptLine(int seq, Speaker speaker, String text, double seconds) {
  public TranscriptLine {
    if (seq < 0) {
      throw new IllegalArgumentException("transcript seq must be >= 0: " + seq);
    }
    Objects.requireNonNull(speaker, "speaker must not be null");
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("transcript text must not be blank");
    }
    text = text.strip();
    if (!Double.isFinite(seconds) || seconds < 0) {
      throw new IllegalArgumentException("transcript seconds must be finite and >= 0: " + seconds);
    }
  }
}
