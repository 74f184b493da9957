package io.inmo.application.service.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inmo.application.port.in.identity.ManageUsersUseCase.NewUser;
import io.inmo.application.port.in.identity.ManageUsersUseCase.UserChanges;
import io.inmo.application.port.in.identity.UserView;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.RefreshTokenRepository;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.application.service.identity.IdentityDoubles.ImmediateUnitOfWork;
import io.inmo.application.service.identity.IdentityDoubles.InMemoryUsers;
import io.inmo.application.service.identity.IdentityDoubles.PrefixHashing;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.Broker;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.broker.Slug;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.Email;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.NotFoundException;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserEmailTakenException;
import io.inmo.domain.user.UserId;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of user administration, without a database. */
class UserManagementServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final String PASSWORD = "Pichilemu-Ola-2026";

  private final InMemoryUsers users = new InMemoryUsers();
  private final Map<BrokerId, Broker> brokers = new LinkedHashMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();
  private final List<UserId> revoked = new ArrayList<>();
  private final UserManagementService service =
      new UserManagementService(
          users,
          proxy(
              BrokerRepository.class,
              (method, args) ->
                  method.equals("findById") ? Optional.ofNullable(brokers.get(args[0])) : null),
          new PrefixHashing(),
          proxy(
              RefreshTokenRepository.class,
              (method, args) -> {
                if (method.equals("revokeAllOf")) {
                  revoked.add((UserId) args[0]);
                  return 1;
                }
                throw new UnsupportedOperationException(method);
              }),
          proxy(
              AuditLogRepository.class,
              (method, args) -> {
                if (method.equals("append")) {
                  audit.add((AuditEntry) args[0]);
                  return null;
                }
                throw new UnsupportedOperationException(method);
              }),
          new ImmediateUnitOfWork(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  private final Broker broker = broker("Propiedades Pucón");
  private final User admin = user("Valentina Soto", "valentina@pucon.cl", Role.ADMIN, broker.id());
  private final User agent = user("Matías Rojas", "matias@pucon.cl", Role.AGENT, broker.id());
  private final Actor adminActor = new Actor(admin.id(), broker.id(), Role.ADMIN);
  private final Actor agentActor = new Actor(agent.id(), broker.id(), Role.AGENT);

  @Test
  void givenAgent_whenListingCreatingOrEditingOthers_thenPermissionDenied() {
    assertThatThrownBy(() -> service.list(agentActor, null, Origin.SYSTEM))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(
            () -> service.create(agentActor, newUser(null, "nuevo@pucon.cl", Role.AGENT)))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(() -> service.update(agentActor, admin.id(), changes("Otro", null, null)))
        .isInstanceOf(PermissionDeniedException.class);
    assertThatThrownBy(
            () -> service.update(agentActor, agent.id(), changes(null, Role.ADMIN, null)))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(audit).isEmpty();
  }

  @Test
  void givenAgent_whenChangingOwnNameAndPassword_thenAllowedAndSignedOut() {
    UserView view =
        service.update(
            agentActor,
            agent.id(),
            new UserChanges("Matías Rojas Vidal", null, null, null, "Villarrica-Lago-99", null));

    assertThat(view.name()).isEqualTo("Matías Rojas Vidal");
    assertThat(users.byId.get(agent.id()).passwordHash()).isEqualTo("$fake$Villarrica-Lago-99");
    assertThat(revoked).containsExactly(agent.id());
    assertThat(audit)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("user.update");
              assertThat(e.after()).containsEntry("passwordChanged", true);
              assertThat(e.after().toString()).doesNotContain("$fake$");
            });
  }

  @Test
  void givenLastActiveAdmin_whenDemotedOrDeactivated_thenConflictEvenForSuperadmin() {
    Actor superadmin = new Actor(UserId.newId(), null, Role.SUPERADMIN);
    for (Actor actor : List.of(adminActor, superadmin)) {
      assertThatThrownBy(() -> service.update(actor, admin.id(), changes(null, Role.AGENT, null)))
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.code()).isEqualTo("user.last_admin"));
      assertThatThrownBy(() -> service.update(actor, admin.id(), changes(null, null, false)))
          .isInstanceOfSatisfying(
              DomainException.class, e -> assertThat(e.code()).isEqualTo("user.last_admin"));
    }
    assertThat(users.byId.get(admin.id()).role()).isEqualTo(Role.ADMIN);

    service.update(adminActor, agent.id(), changes(null, Role.ADMIN, null));
    UserView demoted = service.update(adminActor, admin.id(), changes(null, Role.AGENT, null));
    assertThat(demoted.role()).isEqualTo(Role.AGENT);
  }

  @Test
  void givenInactiveOtherAdmin_whenLastActiveAdminDeactivated_thenStillConflict() {
    User dormant = user("Rodrigo Vera", "rodrigo@pucon.cl", Role.ADMIN, broker.id());
    dormant.deactivate(NOW);
    assertThatThrownBy(() -> service.update(adminActor, admin.id(), changes(null, null, false)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("user.last_admin"));
  }

  @Test
  void givenSuperadminRole_whenCreatingOrPromoting_thenRejected() {
    assertThatThrownBy(
            () -> service.create(adminActor, newUser(null, "jefe@pucon.cl", Role.SUPERADMIN)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.code()).isEqualTo("user.role_escalation"));
    assertThatThrownBy(
            () -> service.update(adminActor, agent.id(), changes(null, Role.SUPERADMIN, null)))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.code()).isEqualTo("user.role_escalation"));
  }

  @Test
  void givenUserOfAnotherBroker_whenEdited_thenNotFound() {
    Broker other = broker("Corredora Frutillar");
    User foreign = user("Javiera Paredes", "javiera@frutillar.cl", Role.AGENT, other.id());

    assertThatThrownBy(() -> service.update(adminActor, foreign.id(), changes(null, null, false)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> service.list(adminActor, other.id(), Origin.SYSTEM))
        .isInstanceOf(NotFoundException.class);
    assertThat(foreign.isActive()).isTrue();
  }

  @Test
  void givenDeactivation_whenApplied_thenTokensRevokedAndAuditedAsDeactivate() {
    service.update(adminActor, agent.id(), changes(null, null, false));

    assertThat(users.byId.get(agent.id()).isActive()).isFalse();
    assertThat(revoked).containsExactly(agent.id());
    assertThat(audit)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("user.deactivate");
              assertThat(e.before()).containsEntry("active", true);
              assertThat(e.after()).containsEntry("active", false);
              assertThat(e.userId()).isEqualTo(admin.id());
              assertThat(e.brokerId()).isEqualTo(broker.id());
            });
  }

  @Test
  void givenTakenEmail_whenCreating_thenConflictAndNothingSaved() {
    int before = users.byId.size();
    assertThatThrownBy(
            () -> service.create(adminActor, newUser(null, "MATIAS@pucon.cl", Role.AGENT)))
        .isInstanceOf(UserEmailTakenException.class);
    assertThat(users.byId).hasSize(before);
  }

  @Test
  void givenSuperadmin_whenListingWithAndWithoutBroker_thenRequiresBrokerAndAudits() {
    Actor superadmin = new Actor(UserId.newId(), null, Role.SUPERADMIN);
    assertThatThrownBy(() -> service.list(superadmin, null, Origin.SYSTEM))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> assertThat(e.code()).isEqualTo("user.broker_required"));

    List<UserView> listed = service.list(superadmin, broker.id(), new Origin("10.0.0.9", "r-1"));

    assertThat(listed).extracting(UserView::id).containsExactlyInAnyOrder(admin.id(), agent.id());
    assertThat(audit)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("user.list");
              assertThat(e.userId()).isEqualTo(superadmin.userId());
              assertThat(e.ip()).isEqualTo("10.0.0.9");
            });
  }

  @Test
  void givenAdmin_whenCreatingAgent_thenHashedSavedAndAuditedWithoutHash() {
    UserView created =
        service.create(adminActor, newUser(null, "Benjamin.Lagos@Pucon.cl", Role.AGENT));

    assertThat(created.email().value()).isEqualTo("benjamin.lagos@pucon.cl");
    assertThat(created.brokerId()).isEqualTo(broker.id());
    assertThat(users.byId.get(created.id()).passwordHash()).isEqualTo("$fake$" + PASSWORD);
    assertThat(audit)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("user.create");
              assertThat(e.after().toString()).doesNotContain(PASSWORD).doesNotContain("$fake$");
            });
  }

  // ---------------------------------------------------------------- fixtures

  private Broker broker(String name) {
    Broker b = Broker.register(name, Slug.fromName(name), NOW);
    brokers.put(b.id(), b);
    return b;
  }

  private User user(String name, String email, Role role, BrokerId brokerId) {
    User u = User.create(new Email(email), "$fake$x", name, role, brokerId, NOW);
    users.save(u);
    return u;
  }

  private static NewUser newUser(BrokerId brokerId, String email, Role role) {
    return new NewUser(brokerId, "Benjamín Lagos", new Email(email), role, PASSWORD, null);
  }

  private static UserChanges changes(String name, Role role, Boolean active) {
    return new UserChanges(name, null, role, active, null, null);
  }

  private interface Handler {
    Object handle(String method, Object[] args);
  }

  private static <T> T proxy(Class<T> type, Handler handler) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, method, args) -> handler.handle(method.getName(), args)));
  }
}
