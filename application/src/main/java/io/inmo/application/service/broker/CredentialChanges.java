package io.inmo.application.service.broker;

import io.inmo.domain.shared.Secret;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The write-only rules of provider credentials: a key the caller leaves out, or sends back as it
 * was shown ({@code ••••1234}), keeps the stored value; null or blank clears it; any other value
 * replaces it.
 */
final class CredentialChanges {
  /** What {@link Secret#masked()} starts with. */
  static final String MASK = "••••";

  private CredentialChanges() {}

  static Map<String, Secret> apply(Map<String, Secret> stored, Map<String, String> changes) {
    TreeMap<String, Secret> result = new TreeMap<>(stored);
    changes.forEach(
        (key, value) -> {
          if (value == null || value.isBlank()) {
            result.remove(key);
          } else if (!value.startsWith(MASK)) {
            result.put(key, Secret.of(value.strip()));
          }
        });
    return Collections.unmodifiableMap(result);
  }
}
