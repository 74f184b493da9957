package io.inmo.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.TimeMother;
import org.junit.jupiter.api.Test;

class UserTest {
  private final BrokerId broker = BrokerId.newId();

  @Test
  void givenAdminData_whenCreated_thenActiveNeverLoggedIn() {
    User user = UserMother.admin(broker);

    assertThat(user.id()).isNotNull();
    assertThat(user.email().value()).isEqualTo("maria.jose.perez@propiedadesnunoa.cl");
    assertThat(user.name()).isEqualTo("María José Pérez");
    assertThat(user.role()).isEqualTo(Role.ADMIN);
    assertThat(user.brokerId()).isEqualTo(broker);
    assertThat(user.isActive()).isTrue();
    assertThat(user.lastLoginAt()).isNull();
    assertThat(user.createdAt()).isEqualTo(TimeMother.NOW);
    assertThat(user.version()).isZero();
  }

  @Test
  void givenRoleAndBrokerMismatch_whenCreated_thenRejected() {
    Email email = new Email("jperez@inmo.cl");
    String hash = UserMother.PASSWORD_HASH;

    assertThatThrownBy(
            () -> User.create(email, hash, "Juan Pérez", Role.AGENT, null, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> User.create(email, hash, "Juan Pérez", Role.SUPERADMIN, broker, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(UserMother.superadmin().brokerId()).isNull();
  }

  @Test
  void givenNonPhcHash_whenCreated_thenRejectedWithoutEchoingIt() {
    assertThatThrownBy(
            () ->
                User.create(
                    new Email("a@b.cl"), "hunter2", "Ana", Role.AGENT, broker, TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("hunter2");
  }

  @Test
  void givenUser_whenPrinted_thenNoPasswordHashNorEmail() {
    User user = UserMother.agent(broker);

    assertThat(user.toString()).doesNotContain("argon2").doesNotContain("$").doesNotContain("@");
  }

  @Test
  void givenAgent_whenPromotedToAdmin_thenRoleChanges() {
    User user = UserMother.agent(broker);

    user.changeRole(Role.ADMIN, TimeMother.later(1));

    assertThat(user.role()).isEqualTo(Role.ADMIN);
    assertThat(user.updatedAt()).isEqualTo(TimeMother.later(1));
  }

  @Test
  void givenAdmin_whenPromotedToSuperadmin_thenRoleEscalationRejected() {
    User user = UserMother.admin(broker);

    assertThatThrownBy(() -> user.changeRole(Role.SUPERADMIN, TimeMother.NOW))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("user.role_escalation");
    assertThat(user.role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void givenSuperadmin_whenDemoted_thenRejectedBecauseItHasNoBroker() {
    User user = UserMother.superadmin();

    assertThatThrownBy(() -> user.changeRole(Role.ADMIN, TimeMother.NOW))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("user.superadmin_role_fixed");
  }

  @Test
  void givenActiveUser_whenLoggingIn_thenLastLoginRecorded() {
    User user = UserMother.agent(broker);

    user.recordLogin(TimeMother.later(30));

    assertThat(user.lastLoginAt()).isEqualTo(TimeMother.later(30));
  }

  @Test
  void givenDeactivatedUser_whenLoggingIn_thenRejected() {
    User user = UserMother.agent(broker);
    user.deactivate(TimeMother.later(1));

    assertThatThrownBy(() -> user.recordLogin(TimeMother.later(2)))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).code())
        .isEqualTo("user.inactive");
    assertThat(user.isActive()).isFalse();

    user.activate(TimeMother.later(3));
    user.recordLogin(TimeMother.later(4));
    assertThat(user.lastLoginAt()).isEqualTo(TimeMother.later(4));
  }

  @Test
  void givenUser_whenRenamedAndPasswordAndEmailChanged_thenStored() {
    User user = UserMother.agent(broker);
    String newHash = "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    user.rename("  Joaquín Muñoz Soto ", TimeMother.later(1));
    user.changePasswordHash(newHash, TimeMother.later(1));
    user.changeEmail(new Email("JMunoz@PropiedadesNunoa.cl"), TimeMother.later(1));

    assertThat(user.name()).isEqualTo("Joaquín Muñoz Soto");
    assertThat(user.passwordHash()).isEqualTo(newHash);
    assertThat(user.email().value()).isEqualTo("jmunoz@propiedadesnunoa.cl");
    assertThatThrownBy(() -> user.rename(" ", TimeMother.NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenUsers_whenCheckingAccess_thenSuperadminSeesAllOthersOwnBroker() {
    BrokerId other = BrokerId.newId();

    assertThat(UserMother.agent(broker).canAccess(broker)).isTrue();
    assertThat(UserMother.agent(broker).canAccess(other)).isFalse();
    assertThat(UserMother.superadmin().canAccess(other)).isTrue();
  }

  @Test
  void givenStoredColumns_whenReconstituted_thenEveryValueReadsBack() {
    User stored =
        User.reconstitute(
            UserId.newId(),
            new Email("ana.rojas@propiedadesnunoa.cl"),
            UserMother.PASSWORD_HASH,
            "Ana Rojas",
            Role.AGENT,
            broker,
            false,
            TimeMother.later(5),
            TimeMother.NOW,
            TimeMother.later(6),
            4L);

    User copy =
        User.reconstitute(
            stored.id(),
            stored.email(),
            stored.passwordHash(),
            stored.name(),
            stored.role(),
            stored.brokerId(),
            stored.isActive(),
            stored.lastLoginAt(),
            stored.createdAt(),
            stored.updatedAt(),
            stored.version());

    assertThat(copy).usingRecursiveComparison().isEqualTo(stored);
    assertThat(copy.isActive()).isFalse();
    assertThat(copy.version()).isEqualTo(4L);
  }

  @Test
  void givenRoleNames_whenParsed_thenCaseInsensitive() {
    assertThat(Role.fromName("agent")).isEqualTo(Role.AGENT);
    assertThat(Role.SUPERADMIN.requiresBroker()).isFalse();
    assertThat(Role.ADMIN.requiresBroker()).isTrue();
    assertThatThrownBy(() -> Role.fromName("owner")).isInstanceOf(IllegalArgumentException.class);
  }
}
