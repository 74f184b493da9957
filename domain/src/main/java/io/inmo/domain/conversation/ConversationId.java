package io.inmo.domain.conversation;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies one lead's conversation on one chat channel. */
public record ConversationId(UUID value) {
  public ConversationId {
    Objects.requireNonNull(value, "conversation id must not be null");
  }

  public static ConversationId newId() {
    return new ConversationId(Ids.newUuid());
  }

  public static ConversationId of(String value) {
    return new ConversationId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
