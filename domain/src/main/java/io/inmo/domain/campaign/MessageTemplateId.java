package io.inmo.domain.campaign;

import io.inmo.domain.shared.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identifies a message template of a brokerage. */
public record MessageTemplateId(UUID value) {
  public MessageTemplateId {
    Objects.requireNonNull(value, "message template id must not be null");
  }

  public static MessageTemplateId newId() {
    return new MessageTemplateId(Ids.newUuid());
  }

  public static MessageTemplateId of(String value) {
    return new MessageTemplateId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
