package io.inmo.domain.conversation;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies one chat message stored in the channel-neutral conversation store. */
public record ChatMessageId(UUID value) {
  public ChatMessageId {
    Objects.requireNonNull(value, "chat message id must not be null");
  }

  public static ChatMessageId newId() {
    return new ChatMessageId(Ids.newUuid());
  }

  public static ChatMessageId of(String value) {
    return new ChatMessageId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
