package io.inmo.adapters.persistence.user;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Maps users between the domain and {@link UserJpaEntity}. */
final class UserJpaMapper {
  private UserJpaMapper() {}

  static User toDomain(UserJpaEntity e) {
    return User.reconstitute(
        new UserId(e.id),
        new Email(e.email),
        e.hashedPassword,
        e.name,
        Role.fromName(e.role),
        e.brokerId == null ? null : new BrokerId(e.brokerId),
        e.active,
        e.lastLoginAt,
        e.createdAt,
        e.updatedAt,
        e.version);
  }

  /** Copies every column except the version, which JPA manages. */
  static void copy(User u, UserJpaEntity e) {
    e.id = u.id().value();
    e.email = u.email().value();
    e.hashedPassword = u.passwordHash();
    e.name = u.name();
    e.role = u.role().name();
    e.brokerId = u.brokerId() == null ? null : u.brokerId().value();
    e.active = u.isActive();
    e.lastLoginAt = micros(u.lastLoginAt());
    e.createdAt = micros(u.createdAt());
    e.updatedAt = micros(u.updatedAt());
  }

  /** PostgreSQL keeps microseconds; truncating here keeps unchanged rows from looking dirty. */
  private static Instant micros(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
  }
}
