package io.inmo.domain.campaign;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Immutable, order-preserving copies of string-to-string configuration maps. */
final class StringMaps {
  private StringMaps() {}

  static Map<String, String> copy(Map<String, String> source, String what) {
    Objects.requireNonNull(source, what + " must not be null");
    Map<String, String> copy = new LinkedHashMap<>();
    source.forEach(
        (key, value) -> {
          if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(what + " keys must not be blank");
          }
          if (value == null) {
            throw new IllegalArgumentException(what + " value of '" + key + "' must not be null");
          }
          copy.put(key, value);
        });
    return Collections.unmodifiableMap(copy);
  }
}
