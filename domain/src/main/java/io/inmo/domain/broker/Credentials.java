package io.inmo.domain.broker;

import io.inmo.domain.shared.Secret;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Validation shared by the voice and chat configs for their provider credential maps. */
final class Credentials {
  static final int MAX_KEY_LENGTH = 100;

  private Credentials() {}

  /** Copies the map sorted by key; keys are stripped, non-blank and unique; values non-null. */
  static Map<String, Secret> copyOf(Map<String, Secret> credentials) {
    Objects.requireNonNull(credentials, "credentials must not be null");
    TreeMap<String, Secret> copy = new TreeMap<>();
    credentials.forEach(
        (key, secret) -> {
          Objects.requireNonNull(key, "credential key must not be null");
          String k = key.strip();
          if (k.isEmpty() || k.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(
                "credential key must be 1.." + MAX_KEY_LENGTH + " chars: '" + key + "'");
          }
          Objects.requireNonNull(secret, "credential " + k + " must not be null");
          if (copy.put(k, secret) != null) {
            throw new IllegalArgumentException("duplicate credential key: " + k);
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
