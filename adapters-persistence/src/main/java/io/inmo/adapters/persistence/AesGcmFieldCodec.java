package io.inmo.adapters.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts sensitive values at rest with AES-256-GCM (JDK): a fresh 96-bit nonce per value, the
 * {@code context} (table, column, row id) as associated data so a ciphertext moved to another row
 * fails to decrypt, stored as {@code enc:v1:<base64 nonce‖ciphertext‖tag>}. Values written before
 * encryption was switched on (no prefix) are read as plaintext and encrypted on their next write.
 */
public final class AesGcmFieldCodec implements FieldCodec {
  static final String PREFIX = "enc:v1:";
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  /** {@code key}: 32 bytes (AES-256), e.g. from {@code INMO_ENCRYPTION_KEY}. */
  public AesGcmFieldCodec(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("the encryption key must be exactly 32 bytes (AES-256)");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  @Override
  public String encode(String plaintext, String context) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(context, "context");
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] stored =
          ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
      return PREFIX + Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not encrypt a value for " + context, e);
    }
  }

  @Override
  public String decode(String stored, String context) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(context, "context");
    if (!stored.startsWith(PREFIX)) {
      return stored; // written by the plaintext codec before encryption was enabled
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
      if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new IllegalStateException("a stored value for " + context + " is truncated");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // never include the stored value or the key in the message
      throw new IllegalStateException(
          "could not decrypt a value for "
              + context
              + " (wrong INMO_ENCRYPTION_KEY, or the value was altered or moved)",
          e);
    }
  }
}
