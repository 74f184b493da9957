package io.inmo.adapters.rest.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.inmo.application.port.out.PasswordHashingPort;

/**
 * Argon2id password hashing with password4j, OWASP parameters (19 MiB, 2 iterations, 1 lane);
 * hashes are PHC strings, so parameters can be raised later without breaking stored ones.
 */
public final class Password4jPasswordHashing implements PasswordHashingPort {
  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

  @Override
  public String hash(CharSequence plaintext) {
    return Password.hash(plaintext).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  @Override
  public boolean matches(CharSequence plaintext, String storedHash) {
    if (storedHash == null || !storedHash.startsWith("$argon2")) {
      return false;
    }
    try {
      return Password.check(plaintext, storedHash)
          .with(Argon2Function.getInstanceFromHash(storedHash));
    } catch (RuntimeException malformed) {
      return false;
    }
  }
}
