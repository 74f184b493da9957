package io.inmo.application.service.identity;

import io.inmo.application.port.out.PasswordHashingPort;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Port stand-ins for the identity services' unit tests (the JPA adapters are covered by their own
 * contract tests against PostgreSQL, and the whole flow by the bootstrap end-to-end tests).
 */
final class IdentityDoubles {
  private IdentityDoubles() {}

  static final class InMemoryUsers implements UserRepository {
    final Map<UserId, User> byId = new LinkedHashMap<>();

    @Override
    public Optional<User> findById(UserId id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByEmail(Email email) {
      return byId.values().stream().filter(u -> u.email().equals(email)).findFirst();
    }

    @Override
    public boolean existsAnySuperadmin() {
      return byId.values().stream().anyMatch(u -> u.role() == Role.SUPERADMIN);
    }

    @Override
    public List<User> findByBroker(BrokerId brokerId) {
      return new ArrayList<>(
          byId.values().stream().filter(u -> brokerId.equals(u.brokerId())).toList());
    }

    @Override
    public void save(User user) {
      byId.put(user.id(), user);
    }
  }

  /** Not a hash: {@code $fake$} + plaintext, so tests can read what was "hashed". */
  static final class PrefixHashing implements PasswordHashingPort {
    @Override
    public String hash(CharSequence plaintext) {
      return "$fake$" + plaintext;
    }

    @Override
    public boolean matches(CharSequence plaintext, String storedHash) {
      return storedHash.equals("$fake$" + plaintext);
    }
  }

  static final class ImmediateUnitOfWork implements UnitOfWorkPort {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
      return work.get();
    }

    @Override
    public void inTransaction(Runnable work) {
      work.run();
    }
  }
}
