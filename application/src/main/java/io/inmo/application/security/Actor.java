package io.inmo.application.security;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.UserId;
import java.util.Objects;

/**
 * Who is calling a use case: an authenticated staff member, as proven by an access token. Use cases
 * decide with it what the caller may see and do; {@code brokerId} is null for a SUPERADMIN.
 */
public record Actor(UserId userId, BrokerId brokerId, Role role) {
  public Actor {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
    if (role.requiresBroker() != (brokerId != null)) {
      throw new IllegalArgumentException("a " + role + " actor with broker " + brokerId);
    }
  }

  public boolean isSuperadmin() {
    return role == Role.SUPERADMIN;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
