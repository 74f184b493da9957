package io.inmo.application.port.in.identity;

import io.inmo.application.security.Origin;
import java.util.Objects;

/**
 * Inbound port: e-mail and password sign-in, rate limited per account and per client IP. Any
 * failure is the same 401 whether the account exists or not.
 */
public interface LoginUseCase {

  AuthSession login(Credentials credentials);

  /** The e-mail is taken as typed (a malformed one simply fails to sign in). */
  record Credentials(String email, String password, Origin origin) {
    public Credentials {
      Objects.requireNonNull(email, "email es obligatorio");
      Objects.requireNonNull(password, "password es obligatorio");
      origin = origin == null ? Origin.SYSTEM : origin;
    }

    @Override
    public String toString() {
      return "Credentials[email=" + email + "]";
    }
  }
}
