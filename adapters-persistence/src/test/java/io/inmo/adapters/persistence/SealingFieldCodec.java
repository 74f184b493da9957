package io.inmo.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test {@link FieldCodec} that behaves like the coming AES-GCM codec without any cryptography: the
 * stored form {@code sealed:v1:<nonce>:<base64 context>:<base64 plaintext>} is never the plaintext,
 * differs on every call (a fresh nonce) and decodes only with the context it was encoded with, so
 * tests can prove that mappers route sensitive values through the seam, bind them to their row and
 * do not rewrite unchanged values.
 */
public final class SealingFieldCodec implements FieldCodec {
  public static final String PREFIX = "sealed:v1:";

  private static final Base64.Encoder ENCODER = Base64.getEncoder();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  private final AtomicInteger nonce = new AtomicInteger();
  private final AtomicInteger encodings = new AtomicInteger();

  @Override
  public String encode(String plaintext, String context) {
    Objects.requireNonNull(plaintext, "plaintext");
    Objects.requireNonNull(context, "context");
    encodings.incrementAndGet();
    return PREFIX
        + nonce.incrementAndGet()
        + ":"
        + ENCODER.encodeToString(context.getBytes(StandardCharsets.UTF_8))
        + ":"
        + ENCODER.encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String decode(String stored, String context) {
    Objects.requireNonNull(stored, "stored");
    Objects.requireNonNull(context, "context");
    if (!stored.startsWith(PREFIX)) {
      throw new IllegalStateException("not a sealed value");
    }
    String[] parts = stored.substring(PREFIX.length()).split(":", 3);
    if (parts.length != 3) {
      throw new IllegalStateException("malformed sealed value");
    }
    String sealedFor = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
    if (!sealedFor.equals(context)) {
      throw new IllegalStateException("sealed for " + sealedFor + ", read as " + context);
    }
    return new String(DECODER.decode(parts[2]), StandardCharsets.UTF_8);
  }

  /** How many values were encoded so far. */
  public int encodings() {
    return encodings.get();
  }

  /** The context {@code stored} was sealed for (for assertions on raw columns). */
  public static String contextOf(String stored) {
    String[] parts = stored.substring(PREFIX.length()).split(":", 3);
    return new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
  }

  /** The plaintext inside {@code stored}, whatever its context. */
  public static String plaintextOf(String stored) {
    String[] parts = stored.substring(PREFIX.length()).split(":", 3);
    return new String(DECODER.decode(parts[2]), StandardCharsets.UTF_8);
  }
}
