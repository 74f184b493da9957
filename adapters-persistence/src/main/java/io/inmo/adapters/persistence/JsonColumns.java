package io.inmo.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@code jsonb} columns held as {@code String} entity fields
 * ({@code @JdbcTypeCode(SqlTypes.JSON)}), so that mappers build the JSON by hand and control every
 * key.
 *
 * <p>PostgreSQL normalises {@code jsonb} (key order, spacing), so a re-serialised value rarely
 * equals the loaded string; {@link #replaceIfChanged} keeps the loaded string when the content is
 * the same, which keeps Hibernate from updating (and re-versioning) unchanged rows.
 */
public final class JsonColumns {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonColumns() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  /** Parses a stored value; a null column reads as JSON null. */
  public static JsonNode read(String json) {
    if (json == null) {
      return MAPPER.nullNode();
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is malformed: " + e.getOriginalMessage(), e);
    }
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }

  /**
   * The value to store: {@code current} when it already holds {@code next} (compared as JSON, not
   * as text), else {@code next} serialised; null when {@code next} is null.
   */
  public static String replaceIfChanged(String current, JsonNode next) {
    if (next == null || next.isNull()) {
      return null;
    }
    if (current != null && read(current).equals(next)) {
      return current;
    }
    return write(next);
  }
}
