package io.inmo.application.port.in.identity;

import io.inmo.domain.shared.Email;
import java.util.Optional;

/**
 * Use case: on a platform with no SUPERADMIN yet, creates one with a generated password, so a fresh
 * installation can be signed into.
 */
public interface EnsurePlatformAdminUseCase {

  /** The new administrator's credentials, or empty when a SUPERADMIN already exists. */
  Optional<InitialCredentials> ensure(Email email);

  /** Credentials to show exactly once; {@code toString} hides the password. */
  record InitialCredentials(Email email, String password) {
    @Override
    public String toString() {
      return "InitialCredentials[" + email + ", password=••••]";
    }
  }
}
