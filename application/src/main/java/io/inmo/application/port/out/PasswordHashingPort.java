package io.inmo.application.port.out;

/** Outbound port: one-way hashing of staff passwords (a PHC string, e.g. Argon2id). */
public interface PasswordHashingPort {

  /** Hashes a plaintext password with a fresh salt; the result is safe to store. */
  String hash(CharSequence plaintext);

  /** Whether {@code plaintext} matches {@code storedHash}; false for malformed hashes. */
  boolean matches(CharSequence plaintext, String storedHash);
}
