package io.inmo.adapters.persistence;

/**
 * Seam for protecting sensitive values at rest: the persistence mappers pass every sensitive value
 * through it on the way to the database ({@link #encode}) and back ({@link #decode}) — today a
 * lead's financial facts ({@code leads.sensitive_metadata}) and the values of the brokers' provider
 * credentials ({@code broker_voice_configs.provider_credentials}, {@code
 * broker_chat_configs.provider_credentials}).
 *
 * <p>The only implementation so far is {@link PlaintextFieldCodec}, which stores plaintext: values
 * are <b>not</b> encrypted yet. The AES-GCM implementation (key from the environment) replaces it
 * in the composition root; it should use {@code context} as associated data, so that a ciphertext
 * copied to another row or column fails to decrypt, and mark its output (e.g. a version prefix) so
 * that rows written by the plaintext codec can be recognised and re-encrypted.
 *
 * <p>Implementations must be thread-safe. Mappers compare decoded values before rewriting a column,
 * so a non-deterministic (randomly initialised) encoding does not make unchanged rows dirty.
 */
public interface FieldCodec {

  /**
   * The stored form of {@code plaintext}.
   *
   * @param context where the value is stored, stable for the row's life, e.g. {@code
   *     leads.sensitive_metadata:<lead id>}
   */
  String encode(String plaintext, String context);

  /**
   * The plaintext of a stored value written by {@link #encode} with the same {@code context}.
   *
   * @throws IllegalStateException when the value cannot be decoded (wrong key, tampered, moved)
   */
  String decode(String stored, String context);
}
