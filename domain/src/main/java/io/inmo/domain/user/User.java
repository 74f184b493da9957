package io.inmo.domain.user;

import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.Email;
import java.time.Instant;
import java.util.Objects;

/**
 * A staff member who logs into the dashboard; root of the user aggregate. Invariant: the broker is
 * null exactly when the role is {@link Role#SUPERADMIN}.
 */
public final class User {
  /** Longest display name accepted. */
  public static final int MAX_NAME_LENGTH = 200;

  private final UserId id;
  private Email email;
  private String passwordHash;
  private String name;
  private Role role;
  private final BrokerId brokerId;
  private boolean active;
  private Instant lastLoginAt;
  private final Instant createdAt;
  private Instant updatedAt;
  private final long version;

  private User(
      UserId id,
      Email email,
      String passwordHash,
      String name,
      Role role,
      BrokerId brokerId,
      boolean active,
      Instant lastLoginAt,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    this.id = Objects.requireNonNull(id, "id");
    this.email = Objects.requireNonNull(email, "email");
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.name = Objects.requireNonNull(name, "name");
    this.role = Objects.requireNonNull(role, "role");
    this.brokerId = brokerId;
    this.active = active;
    this.lastLoginAt = lastLoginAt;
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    this.version = version;
  }

  /**
   * Creates an active user. {@code brokerId} must be null for SUPERADMIN and non-null otherwise
   * ({@link IllegalArgumentException}); {@code passwordHash} is a PHC string ({@code $argon2id$…}).
   * E-mail uniqueness is checked by the caller.
   */
  public static User create(
      Email email, String passwordHash, String name, Role role, BrokerId brokerId, Instant now) {
    Objects.requireNonNull(role, "role must not be null");
    if (role.requiresBroker() != (brokerId != null)) {
      throw new IllegalArgumentException(
          role == Role.SUPERADMIN
              ? "a SUPERADMIN belongs to no broker"
              : "a " + role + " must belong to a broker");
    }
    Objects.requireNonNull(now, "now");
    return new User(
        UserId.newId(),
        Objects.requireNonNull(email, "email must not be null"),
        validHash(passwordHash),
        validName(name),
        role,
        brokerId,
        true,
        null,
        now,
        now,
        0L);
  }

  /** Rebuilds a stored user. Persistence adapters only: runs no rules. */
  public static User reconstitute(
      UserId id,
      Email email,
      String passwordHash,
      String name,
      Role role,
      BrokerId brokerId,
      boolean active,
      Instant lastLoginAt,
      Instant createdAt,
      Instant updatedAt,
      long version) {
    return new User(
        id,
        email,
        passwordHash,
        name,
        role,
        brokerId,
        active,
        lastLoginAt,
        createdAt,
        updatedAt,
        version);
  }

  public void rename(String newName, Instant now) {
    name = validName(newName);
    touch(now);
  }

  /** E-mail uniqueness is checked by the caller. */
  public void changeEmail(Email newEmail, Instant now) {
    email = Objects.requireNonNull(newEmail, "email must not be null");
    touch(now);
  }

  /**
   * Switches between ADMIN and AGENT within the user's broker.
   *
   * @throws DomainException {@code user.role_escalation} when the new role is SUPERADMIN, {@code
   *     user.superadmin_role_fixed} when the user is a SUPERADMIN
   */
  public void changeRole(Role newRole, Instant now) {
    Objects.requireNonNull(newRole, "role must not be null");
    if (newRole == Role.SUPERADMIN) {
      throw new DomainException(
          "user.role_escalation", "no user can be promoted to SUPERADMIN: " + id);
    }
    if (role == Role.SUPERADMIN) {
      throw new DomainException(
          "user.superadmin_role_fixed", "a SUPERADMIN's role cannot be changed: " + id);
    }
    if (role != newRole) {
      role = newRole;
      touch(now);
    }
  }

  /** Replaces the stored PHC hash (the caller hashed the new password). */
  public void changePasswordHash(String newHash, Instant now) {
    passwordHash = validHash(newHash);
    touch(now);
  }

  /**
   * Records a successful login.
   *
   * @throws DomainException {@code user.inactive} when the user is deactivated
   */
  public void recordLogin(Instant now) {
    Objects.requireNonNull(now, "now");
    if (!active) {
      throw new DomainException("user.inactive", "user is deactivated: " + id);
    }
    lastLoginAt = now;
  }

  /** Deactivated users cannot log in or refresh tokens. */
  public void deactivate(Instant now) {
    if (active) {
      active = false;
      touch(now);
    }
  }

  public void activate(Instant now) {
    if (!active) {
      active = true;
      touch(now);
    }
  }

  /** Whether this user may see and act on data of the given broker. */
  public boolean canAccess(BrokerId broker) {
    return role == Role.SUPERADMIN || Objects.equals(brokerId, broker);
  }

  private void touch(Instant now) {
    updatedAt = Objects.requireNonNull(now, "now");
  }

  private static String validName(String name) {
    Objects.requireNonNull(name, "name must not be null");
    String n = name.strip();
    if (n.isEmpty() || n.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("user name must be 1.." + MAX_NAME_LENGTH + " chars");
    }
    return n;
  }

  private static String validHash(String hash) {
    Objects.requireNonNull(hash, "password hash must not be null");
    if (!hash.startsWith("$") || hash.isBlank() || hash.chars().anyMatch(Character::isWhitespace)) {
      // never echo the value: it is a credential
      throw new IllegalArgumentException("password hash must be a PHC string starting with '$'");
    }
    return hash;
  }

  public UserId id() {
    return id;
  }

  public Email email() {
    return email;
  }

  /** The PHC password hash; never log or return it. */
  public String passwordHash() {
    return passwordHash;
  }

  public String name() {
    return name;
  }

  public Role role() {
    return role;
  }

  /** The user's broker; null for SUPERADMIN. */
  public BrokerId brokerId() {
    return brokerId;
  }

  public boolean isActive() {
    return active;
  }

  /** The last successful login, or null when never logged in. */
  public Instant lastLoginAt() {
    return lastLoginAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The optimistic-locking version read from storage; the domain never changes it. */
  public long version() {
    return version;
  }

  @Override
  public String toString() {
    return "User[id="
        + id
        + ", role="
        + role
        + ", brokerId="
        + brokerId
        + ", active="
        + active
        + "]";
  }
}
