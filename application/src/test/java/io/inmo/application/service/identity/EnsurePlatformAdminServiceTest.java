package io.inmo.application.service.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.inmo.application.port.in.identity.EnsurePlatformAdminUseCase.InitialCredentials;
import io.inmo.application.service.identity.IdentityDoubles.ImmediateUnitOfWork;
import io.inmo.application.service.identity.IdentityDoubles.InMemoryUsers;
import io.inmo.application.service.identity.IdentityDoubles.PrefixHashing;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
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
}
