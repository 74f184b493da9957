package io.inmo.application.service.chat;

import io.inmo.application.port.out.ConversationInboxRepository.InboxEntry;
import io.inmo.application.port.out.ConversationInboxRepository.Position;
import io.inmo.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque page cursor of the conversation inbox: the last activity and id of the last
 * conversation of a page, in URL-safe Base64. A cursor of another list, or a forged one, is 400
 * {@code conversation.cursor_invalid}.
 */
final class InboxCursors {
  private static final String VERSION = "c1";

  private InboxCursors() {}

  static String encode(InboxEntry last) {
    String plain =
        VERSION + "|" + last.lastActivityAt() + "|" + last.conversationId().value().toString();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a cursor names; null for a null cursor (first page). */
  static Position decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String plain =
          new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
      String[] parts = plain.split("\\|", -1);
      if (parts.length != 3 || !VERSION.equals(parts[0])) {
        throw invalid();
      }
      return new Position(Instant.parse(parts[1]), UUID.fromString(parts[2]));
    } catch (IllegalArgumentException | DateTimeException e) {
      throw invalid();
    }
  }

  private static InvalidValueException invalid() {
    return new InvalidValueException(
        "conversation.cursor_invalid",
        "cursor no corresponde a esta lista: usa el nextCursor de la página anterior.");
  }
}
