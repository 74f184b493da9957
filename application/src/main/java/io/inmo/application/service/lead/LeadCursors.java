package io.inmo.application.service.lead;

import io.inmo.application.port.out.LeadSearchRepository.LeadSort;
import io.inmo.application.port.out.LeadSearchRepository.Position;
import io.inmo.domain.lead.Lead;
import io.inmo.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque page cursor of the lead list: the sort it belongs to and the sort key and id of the
 * last lead of the page, in URL-safe Base64. A cursor of another sort, or a forged one, is 400
 * {@code lead.cursor_invalid}.
 */
final class LeadCursors {
  private static final String VERSION = "l1";

  private LeadCursors() {}

  static String encode(LeadSort sort, Lead last) {
    String key =
        sort.byScore() ? Integer.toString(last.score().value()) : last.createdAt().toString();
    String plain = VERSION + "|" + sort.apiValue() + "|" + key + "|" + last.id().value();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a cursor names; null for a null cursor (first page). */
  static Position decode(String cursor, LeadSort sort) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String plain =
          new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
      String[] parts = plain.split("\\|", -1);
      if (parts.length != 4 || !VERSION.equals(parts[0]) || !sort.apiValue().equals(parts[1])) {
        throw invalid();
      }
      UUID id = UUID.fromString(parts[3]);
      if (sort.byScore()) {
        int score = Integer.parseInt(parts[2]);
        if (score < 0 || score > 100) {
          throw invalid();
        }
        return new Position(score, null, id);
      }
      return new Position(0, Instant.parse(parts[2]), id);
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw invalid();
    }
  }

  private static InvalidValueException invalid() {
    return new InvalidValueException(
        "lead.cursor_invalid",
        "cursor no corresponde a esta lista: usa el nextCursor de la página anterior con el mismo"
            + " orden.");
  }
}
