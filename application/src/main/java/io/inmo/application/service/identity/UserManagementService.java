package io.inmo.application.service.identity;

import io.inmo.application.port.in.identity.ManageUsersUseCase;
import io.inmo.application.port.in.identity.UserView;
import io.inmo.application.port.out.AuditLogRepository;
import io.inmo.application.port.out.BrokerRepository;
import io.inmo.application.port.out.PasswordHashingPort;
import io.inmo.application.port.out.RefreshTokenRepository;
import io.inmo.application.port.out.UnitOfWorkPort;
import io.inmo.application.port.out.UserRepository;
import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.application.security.PermissionDeniedException;
import io.inmo.application.service.BrokerScopes;
import io.inmo.domain.audit.AuditEntry;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.InvalidValueException;
import io.inmo.domain.shared.NotFoundException;
import io.inmo.domain.user.PasswordPolicy;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserEmailTakenException;
import io.inmo.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Use case implementation: user administration of a broker. Every rule of {@link
 * ManageUsersUseCase} is decided here; password hashing (slow on purpose) runs outside the unit of
 * work, after the caller's rights were checked, and the rights are checked again inside it.
 */
public final class UserManagementService implements ManageUsersUseCase {
  static final String LAST_ADMIN = "user.last_admin";
  static final String ROLE_ESCALATION = "user.role_escalation";

  private final UserRepository users;
  private final BrokerRepository brokers;
  private final PasswordHashingPort passwords;
  private final RefreshTokenRepository refreshTokens;
  private final AuditLogRepository audit;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public UserManagementService(
      UserRepository users,
      BrokerRepository brokers,
      PasswordHashingPort passwords,
      RefreshTokenRepository refreshTokens,
      AuditLogRepository audit,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.brokers = Objects.requireNonNull(brokers, "brokers");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<UserView> list(Actor actor, BrokerId brokerId, Origin origin) {
    Objects.requireNonNull(actor, "actor");
    Origin from = origin == null ? Origin.SYSTEM : origin;
    requireManager(actor);
    return unitOfWork.inTransaction(
        () -> {
          BrokerId broker = targetBroker(actor, brokerId);
          List<UserView> found = users.findByBroker(broker).stream().map(UserView::of).toList();
          if (actor.isSuperadmin()) {
            // a platform operator looking into a brokerage is audited (§3)
            audit.append(
                entry(actor, broker, "user.list", null, null, Map.of("count", found.size()), from));
          }
          return found;
        });
  }

  @Override
  public UserView create(Actor actor, NewUser request) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(request, "request");
    requireManager(actor);
    requireBrokerRole(request.role());
    BrokerId broker = unitOfWork.inTransaction(() -> targetBroker(actor, request.brokerId()));
    PasswordPolicy.check(request.password(), request.email());
    if (unitOfWork.inTransaction(() -> users.findByEmail(request.email()).isPresent())) {
      throw new UserEmailTakenException(request.email());
    }
    String hash = passwords.hash(request.password());
    return unitOfWork.inTransaction(
        () -> {
          targetBroker(actor, broker);
          if (users.findByEmail(request.email()).isPresent()) {
            throw new UserEmailTakenException(request.email());
          }
          Instant now = clock.instant();
          User user =
              User.create(request.email(), hash, request.name(), request.role(), broker, now);
          users.save(user);
          audit.append(
              entry(actor, broker, "user.create", user, null, summary(user), request.origin()));
          return UserView.of(user);
        });
  }

  @Override
  public UserView update(Actor actor, UserId id, UserChanges changes) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(changes, "changes");
    if (changes.role() != null) {
      requireBrokerRole(changes.role());
    }
    User target = unitOfWork.inTransaction(() -> editable(actor, id, changes));
    String hash = null;
    if (changes.password() != null) {
      PasswordPolicy.check(
          changes.password(), changes.email() != null ? changes.email() : target.email());
      hash = passwords.hash(changes.password());
    }
    String newHash = hash;
    return unitOfWork.inTransaction(
        () -> apply(actor, editable(actor, id, changes), changes, newHash));
  }

  private UserView apply(Actor actor, User user, UserChanges changes, String newHash) {
    Instant now = clock.instant();
    Map<String, Object> before = summary(user);
    boolean wasActive = user.isActive();

    // decided before anything changes: the broker must keep at least one active ADMIN
    Role newRole = changes.role() != null ? changes.role() : user.role();
    boolean willBeActive = changes.active() != null ? changes.active() : wasActive;
    boolean wasActiveAdmin = wasActive && user.role() == Role.ADMIN;
    if (wasActiveAdmin && !(willBeActive && newRole == Role.ADMIN) && !anotherActiveAdmin(user)) {
      throw new DomainException(
          LAST_ADMIN,
          "Es el último administrador activo de la corredora: nombra a otro administrador antes de"
              + " quitarle el rol o desactivarlo.");
    }

    if (changes.email() != null && !changes.email().equals(user.email())) {
      users
          .findByEmail(changes.email())
          .filter(other -> !other.id().equals(user.id()))
          .ifPresent(
              other -> {
                throw new UserEmailTakenException(changes.email());
              });
      user.changeEmail(changes.email(), now);
    }
    if (changes.name() != null && !changes.name().equals(user.name())) {
      user.rename(changes.name(), now);
    }
    if (changes.role() != null) {
      user.changeRole(changes.role(), now);
    }
    if (changes.active() != null) {
      if (changes.active()) {
        user.activate(now);
      } else {
        user.deactivate(now);
      }
    }
    if (newHash != null) {
      user.changePasswordHash(newHash, now);
    }

    Map<String, Object> after = summary(user);
    boolean passwordChanged = newHash != null;
    if (before.equals(after) && !passwordChanged) {
      return UserView.of(user); // nothing changed: nothing to write or audit
    }
    users.save(user);
    boolean signedOut = passwordChanged || (wasActive && !user.isActive());
    int revoked = signedOut ? refreshTokens.revokeAllOf(user.id(), now) : 0;

    Map<String, Object> beforeDiff = new LinkedHashMap<>();
    Map<String, Object> afterDiff = new LinkedHashMap<>();
    before.forEach(
        (key, value) -> {
          if (!Objects.equals(value, after.get(key))) {
            beforeDiff.put(key, value);
            afterDiff.put(key, after.get(key));
          }
        });
    if (passwordChanged) {
      afterDiff.put("passwordChanged", true);
    }
    if (signedOut) {
      afterDiff.put("refreshTokensRevoked", revoked);
    }
    String action =
        wasActive && !user.isActive()
            ? "user.deactivate"
            : !wasActive && user.isActive() ? "user.activate" : "user.update";
    audit.append(
        entry(actor, user.brokerId(), action, user, beforeDiff, afterDiff, changes.origin()));
    return UserView.of(user);
  }

  /**
   * The user {@code id} if the caller may apply {@code changes} to it: 404 for users the caller
   * cannot see, 403 for an AGENT changing anything but their own name and password.
   */
  private User editable(Actor actor, UserId id, UserChanges changes) {
    User user =
        users
            .findById(id)
            .filter(u -> u.role() != Role.SUPERADMIN && u.brokerId() != null)
            .filter(u -> actor.isSuperadmin() || u.brokerId().equals(actor.brokerId()))
            .orElseThrow(UserManagementService::userNotFound);
    if (actor.isSuperadmin()) {
      brokers
          .findById(user.brokerId())
          .orElseThrow(
              UserManagementService
                  ::userNotFound); // cannot happen with the foreign key, but be strict
    }
    if (actor.role() == Role.AGENT
        && (!user.id().equals(actor.userId()) || !changes.onlyOwnProfileFields())) {
      throw new PermissionDeniedException(
          "Un agente solo puede cambiar su propio nombre y contraseña.");
    }
    return user;
  }

  private boolean anotherActiveAdmin(User user) {
    return users.findByBroker(user.brokerId()).stream()
        .anyMatch(u -> !u.id().equals(user.id()) && u.isActive() && u.role() == Role.ADMIN);
  }

  /** The broker the call is about: the caller's own, or for a SUPERADMIN the one named. */
  private BrokerId targetBroker(Actor actor, BrokerId requested) {
    return BrokerScopes.target(
        actor,
        requested,
        brokers,
        "user.broker_required",
        "Indica la corredora (brokerId) cuyos usuarios administras.");
  }

  private static void requireManager(Actor actor) {
    if (actor.role() == Role.AGENT) {
      throw new PermissionDeniedException(
          "Solo un administrador de la corredora puede administrar usuarios.");
    }
  }

  private static void requireBrokerRole(Role role) {
    if (role == Role.SUPERADMIN) {
      throw new InvalidValueException(
          ROLE_ESCALATION,
          "El rol SUPERADMIN no se asigna desde la administración de usuarios; usa ADMIN o AGENT.");
    }
  }

  private static NotFoundException userNotFound() {
    return new NotFoundException("user.not_found", "El usuario no existe.");
  }

  /** What the audit log keeps of a user: never the password hash. */
  private static Map<String, Object> summary(User user) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("email", user.email().value());
    summary.put("name", user.name());
    summary.put("role", user.role().name());
    summary.put("active", user.isActive());
    return summary;
  }

  private AuditEntry entry(
      Actor actor,
      BrokerId broker,
      String action,
      User user,
      Map<String, ?> before,
      Map<String, ?> after,
      Origin origin) {
    return AuditEntry.record(
        broker,
        actor.userId(),
        action,
        "user",
        user == null ? null : user.id().value().toString(),
        before,
        after,
        origin.ip(),
        origin.requestId(),
        clock.instant());
  }
}
