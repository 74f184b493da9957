package io.inmo.domain.user;

import java.util.Locale;
import java.util.Objects;

/**
 * What a staff member may do: {@code SUPERADMIN} runs the platform (no broker), {@code ADMIN}
 * manages one broker, {@code AGENT} works that broker's leads. Stored by {@link #name()}.
 */
public enum Role {
  SUPERADMIN,
  ADMIN,
  AGENT;

  /** Whether users of this role belong to a broker (all but SUPERADMIN). */
  public boolean requiresBroker() {
    return this != SUPERADMIN;
  }

  /** Parses a role name in any case; throws {@link IllegalArgumentException} when unknown. */
  public static Role fromName(String value) {
    Objects.requireNonNull(value, "role must not be null");
    return valueOf(value.strip().toUpperCase(Locale.ROOT));
  }
}
