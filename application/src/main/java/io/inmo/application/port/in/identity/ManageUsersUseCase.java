package io.inmo.application.port.in.identity;

import io.inmo.application.security.Actor;
import io.inmo.application.security.Origin;
import io.inmo.domain.broker.BrokerId;
import io.inmo.domain.shared.Email;
import io.inmo.domain.user.Role;
import io.inmo.domain.user.User;
import io.inmo.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Inbound port: a broker's staff accounts (§3, §15 {@code /api/v1/users}).
 *
 * <ul>
 *   <li>ADMIN: lists, creates and edits the users of their own broker.
 *   <li>AGENT: may only change their own name and password; anything else is 403 {@code
 *       auth.forbidden}.
 *   <li>SUPERADMIN: acts on any broker named by {@code brokerId} (required to list or create);
 *       every such call is audited.
 * </ul>
 *
 * A user of another broker (or a platform SUPERADMIN account) is 404 {@code user.not_found}; nobody
 * can create or promote a SUPERADMIN here (400 {@code user.role_escalation}); every broker keeps at
 * least one active ADMIN (409 {@code user.last_admin}); e-mails are unique across the platform (409
 * {@code user.email_taken}). Deactivation and password changes sign the user out everywhere (their
 * refresh tokens are revoked; an access token already issued lives until it expires).
 */
public interface ManageUsersUseCase {

  /**
   * The broker's users, active or not, ordered by name. {@code brokerId} is the caller's own broker
   * when null; a SUPERADMIN must name one.
   */
  List<UserView> list(Actor actor, BrokerId brokerId, Origin origin);

  UserView create(Actor actor, NewUser user);

  UserView update(Actor actor, UserId id, UserChanges changes);

  /**
   * A new staff member; {@code brokerId} null means the caller's own broker. The password is
   * checked against the policy by the use case.
   */
  record NewUser(
      BrokerId brokerId, String name, Email email, Role role, String password, Origin origin) {
    public NewUser {
      Objects.requireNonNull(name, "name es obligatorio");
      Objects.requireNonNull(email, "email es obligatorio");
      Objects.requireNonNull(role, "role es obligatorio");
      Objects.requireNonNull(password, "password es obligatorio");
      name = validName(name);
      origin = origin == null ? Origin.SYSTEM : origin;
    }

    @Override
    public String toString() {
      return "NewUser[brokerId=" + brokerId + ", email=" + email + ", role=" + role + "]";
    }
  }

  /** A partial edit: null fields stay as they are; at least one field must be given. */
  record UserChanges(
      String name, Email email, Role role, Boolean active, String password, Origin origin) {
    public UserChanges {
      if (name == null && email == null && role == null && active == null && password == null) {
        throw new IllegalArgumentException(
            "indica al menos uno de: name, email, role, active, password");
      }
      name = name == null ? null : validName(name);
      origin = origin == null ? Origin.SYSTEM : origin;
    }

    /** Whether only the fields a user may change on their own account are given. */
    public boolean onlyOwnProfileFields() {
      return email == null && role == null && active == null;
    }

    @Override
    public String toString() {
      return "UserChanges[name="
          + name
          + ", email="
          + email
          + ", role="
          + role
          + ", active="
          + active
          + ", password="
          + (password == null ? "unchanged" : "••••")
          + "]";
    }
  }

  private static String validName(String value) {
    String stripped = value.strip();
    if (stripped.isEmpty() || stripped.length() > User.MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "name debe tener entre 1 y " + User.MAX_NAME_LENGTH + " caracteres");
    }
    return stripped;
  }
}
