package io.inmo.application.port.in.identity;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserId;
import java.time.Instant;

/**
 * A staff member as the user administration shows them; never carries the password hash. {@code
 * lastLoginAt} is null when the user never signed in.
 */
public record UserView(
    UserId id,
    Email email,
    String name,
    Role role,
    boolean active,
    BrokerId brokerId,
    Instant lastLoginAt,
    Instant createdAt,
    Instant updatedAt) {

  public static UserView of(User user) {
    return new UserView(
        user.id(),
        user.email(),
        user.name(),
        user.role(),
        user.isActive(),
        user.brokerId(),
        user.lastLoginAt(),
        user.createdAt(),
        user.updatedAt());
  }
}
