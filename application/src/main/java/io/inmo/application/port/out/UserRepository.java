package io.inmo.application.port.out;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** Outbound port: stores and loads whole {@link User} aggregates. */
public interface UserRepository {

  Optional<User> findById(UserId id);

  /** Case-insensitive ({@link Email} is lower-cased). */
  Optional<User> findByEmail(Email email);

  /** Whether the platform already has a SUPERADMIN (first-run bootstrap). */
  boolean existsAnySuperadmin();

  /** The broker's users, active or not, ordered by name. */
  List<User> findByBroker(BrokerId brokerId);

  /** Inserts or updates; a stale version fails. */
  void save(User user);
}
