package io.inmo.domain.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Deep, immutable copies of JSON-compatible values (String, Number, Boolean, List, Map, null). */
final class JsonValues {
  private static final int MAX_DEPTH = 32;

  private JsonValues() {}

  static Map<String, Object> copyObject(Map<String, ?> source, String what) {
    Objects.requireNonNull(source, what + " must not be null");
    return copyMap(source, what, 0);
  }

  private static Map<String, Object> copyMap(Map<?, ?> source, String what, int depth) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : source.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException(what + " keys must be strings: " + e.getKey());
      }
      copy.put(key, copyValue(e.getValue(), what, depth + 1));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copyValue(Object value, String what, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(what + " nested deeper than " + MAX_DEPTH);
    }
    if (value == null || value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Number n) {
      if ((n instanceof Double d && !Double.isFinite(d))
          || (n instanceof Float f && !Float.isFinite(f))) {
        throw new IllegalArgumentException(what + " numbers must be finite: " + n);
      }
      return n;
    }
    if (value instanceof Map<?, ?> map) {
      return copyMap(map, what, depth);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        copy.add(copyValue(item, what, depth + 1));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        what + " values must be JSON-compatible, not " + value.getClass().getName());
  }
}
