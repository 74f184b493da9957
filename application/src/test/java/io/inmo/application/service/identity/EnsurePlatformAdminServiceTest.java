package io.inmo.application.service.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.application.port.in.identity.EnsurePlatformAdminUseCase.InitialCredentials;
import io.inmo.application.port.out.PasswordHashingPort;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EnsurePlatformAdminServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final InMemoryUsers users = new InMemoryUsers();
  private final EnsurePlatformAdminService service =
      new EnsurePlatformAdminService(
          users, new PrefixHashing(), new ImmediateUnitOfWork(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void givenEmptyPlatform_whenEnsured_thenSuperadminCreatedWithHashedGeneratedPassword() {
    Optional<InitialCredentials> credentials = service.ensure(new Email("Admin@Corredora.cl"));

    assertThat(credentials).isPresent();
    String password = credentials.get().password();
    assertThat(password)
        .hasSize(20)
        .doesNotContainAnyWhitespaces()
        .doesNotContain("0", "O", "l", "1", "I");
    User admin = users.byId.values().iterator().next();
    assertThat(admin.role()).isEqualTo(Role.SUPERADMIN);
    assertThat(admin.email().value()).isEqualTo("admin@corredora.cl");
    assertThat(admin.brokerId()).isNull();
    assertThat(admin.passwordHash()).isEqualTo("$fake$" + password);
    assertThat(credentials.get().toString()).doesNotContain(password);
  }

  @Test
  void givenExistingSuperadmin_whenEnsured_thenNothingCreated() {
    service.ensure(new Email("admin@corredora.cl"));

    assertThat(service.ensure(new Email("otro@corredora.cl"))).isEmpty();
    assertThat(users.byId).hasSize(1);
  }

  @Test
  void givenTwoStarts_whenPasswordsGenerated_thenTheyDiffer() {
    assertThat(EnsurePlatformAdminService.generatePassword())
        .isNotEqualTo(EnsurePlatformAdminService.generatePassword());
  }

  @Test
  void givenAgentWithThatEmail_whenEnsured_thenNoSecondAccountWithTheSameEmail() {
    users.save(
        User.create(
            new Email("admin@corredora.cl"),
            "$fake$x",
            "Camila Rojas",
            Role.AGENT,
            BrokerId.newId(),
            NOW));

    assertThat(service.ensure(new Email("admin@corredora.cl"))).isEmpty();
    assertThat(users.byId).hasSize(1);
  }

  private static final class InMemoryUsers implements UserRepository {
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

  private static final class PrefixHashing implements PasswordHashingPort {
    @Override
    public String hash(CharSequence plaintext) {
      return "$fake$" + plaintext;
    }

    @Override
    public boolean matches(CharSequence plaintext, String storedHash) {
      return storedHash.equals("$fake$" + plaintext);
    }
  }

  private static final class ImmediateUnitOfWork implements UnitOfWorkPort {
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
