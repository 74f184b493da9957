package io.inmo.domain.call;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a voice call placed to a lead through a voice provider. */
public record VoiceCallId(UUID value) {
  public VoiceCallId {
    Objects.requireNonNull(value, "voice call id must not be null");
  }

  public static VoiceCallId newId() {
    return new VoiceCallId(Ids.newUuid());
  }

  public static VoiceCallId of(String value) {
    return new VoiceCallId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
