package io.inmo.domain.user;

import io.inmo.domain.shared.DomainException;
import io.inmo.domain.shared.Email;
import java.util.Objects;

/**
 * Rule violation: another user already logs in with this e-mail (compared case-insensitively); code
 * {@code user.email_taken}. The message does not repeat the address.
 */
public class UserEmailTakenException extends DomainException {
  public static final String CODE = "user.email_taken";

  private final Email email;

  public UserEmailTakenException(Email email) {
    super(CODE, "a user with this e-mail already exists");
    this.email = Objects.requireNonNull(email, "email");
  }

  public Email email() {
    return email;
  }
}
